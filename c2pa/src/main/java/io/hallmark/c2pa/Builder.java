package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;

/**
 * Builds and signs a manifest into an asset ({@code c2pa_builder_*}). Single use: after {@link #sign} the builder
 * is spent (as c2pa-python does), so close it. Not thread-safe: one thread builds and signs.
 */
public final class Builder extends NativeHandle {
    /** {@code C2paBuilderIntent}: what the manifest says happened (C2PA 2.x section 10.3, "intents"). */
    public enum Intent {
        /** A new asset: c2pa-rs adds {@code c2pa.created} with the digital source type. */
        CREATE,
        /** An edit of an existing asset, which becomes the parent ingredient ({@code c2pa.opened}). */
        EDIT,
        /** A metadata-only update manifest. */
        UPDATE
    }

    private boolean signed;

    private Builder(Pointer p) {
        super(p, "builder");
    }

    /**
     * A builder for a manifest definition ({@code c2pa_builder_with_definition}).
     *
     * @param context      settings for building and signing; must stay open until the builder is closed
     * @param manifestJson the definition as c2pa-rs's ManifestDefinition JSON (claim_generator_info, title,
     *                     assertions, ...)
     * @return a builder the caller closes
     * @throws C2paException ({@link C2paException.Type#JSON}) when the definition is not valid
     */
    public static Builder create(Context context, String manifestJson) throws C2paException {
        Pointer fresh = Native.check(Native.lib().c2pa_builder_from_context(context.pointer()), "create builder");
        Pointer defined = Native.check(Native.lib().c2pa_builder_with_definition(fresh, manifestJson),
                "manifest definition");
        return new Builder(defined);
    }

    /**
     * Sets the intent ({@code c2pa_builder_set_intent}). CREATE with a digital source type makes c2pa-rs add the
     * {@code c2pa.created} action itself.
     *
     * @param intent     what the manifest says happened
     * @param sourceType the IPTC digital source type of the asset
     * @return this builder
     * @throws C2paException when the library refuses the combination
     */
    public Builder intent(Intent intent, DigitalSourceType sourceType) throws C2paException {
        Native.check(Native.lib().c2pa_builder_set_intent(pointer(), intent.ordinal(), sourceType.ordinal()), "set intent");
        return this;
    }

    /**
     * Adds a resource referenced from the definition by {@code uri}, e.g. the thumbnail's identifier
     * ({@code c2pa_builder_add_resource}; the bytes are read now).
     *
     * @param uri  the identifier the definition uses for it
     * @param data the resource's bytes
     * @return this builder
     * @throws C2paException when {@code data} cannot be read
     */
    public Builder resource(String uri, C2paStream data) throws C2paException {
        Native.check(Native.lib().c2pa_builder_add_resource(pointer(), uri, data.pointer()), "add resource " + uri);
        return this;
    }

    /**
     * Adds an ingredient read from {@code source} ({@code c2pa_builder_add_ingredient_from_stream}).
     *
     * @param ingredientJson title and relationship ({@code parentOf}, {@code componentOf}, {@code inputTo})
     * @param format         MIME type or extension of {@code source}
     * @param source         the ingredient asset, read now (its own manifest, if any, is validated and kept)
     * @return this builder
     * @throws C2paException when the ingredient cannot be read
     */
    public Builder ingredient(String ingredientJson, String format, C2paStream source) throws C2paException {
        Native.check(Native.lib().c2pa_builder_add_ingredient_from_stream(pointer(), ingredientJson, format,
                source.pointer()), "add ingredient");
        return this;
    }

    /**
     * Do not embed: {@link #sign} returns the manifest store only (sidecar or cloud manifests).
     *
     * @return this builder
     */
    public Builder noEmbed() {
        Native.lib().c2pa_builder_set_no_embed(pointer());
        return this;
    }

    /**
     * Where the manifest store will be served from ({@code c2pa_builder_set_remote_url}): the signed asset carries
     * the URL (in XMP, for formats that have it) so that a reader can fetch the store; with {@link #noEmbed()},
     * a cloud manifest. Readers fetch it only when their settings allow ({@code verify.remote_manifest_fetch}).
     *
     * @param url an absolute http(s) URL
     * @return this builder
     * @throws C2paException when the library refuses it
     */
    public Builder remoteUrl(String url) throws C2paException {
        Native.check(Native.lib().c2pa_builder_set_remote_url(pointer(), url), "set remote URL");
        return this;
    }

    /**
     * Signs ({@code c2pa_builder_sign}): reads {@code source}, writes the asset with the manifest embedded to
     * {@code dest}, and returns the manifest store.
     *
     * @param format MIME type or extension of the asset, e.g. "video/mp4"
     * @param source the asset as it is; read only
     * @param dest   where the signed asset goes: readable, writable and seekable (c2pa-rs reads back what it wrote)
     * @param signer computes the signature (and asks the TSA, if it has one)
     * @return the manifest store (JUMBF) bytes that were embedded
     * @throws C2paException          ({@link C2paException.Type#SIGNATURE}) when the signer, key, certificate or TSA
     *                                fails; the signer's own exception, if any, is the cause
     * @throws IllegalStateException  when this builder already signed
     */
    public byte[] sign(String format, C2paStream source, C2paStream dest, Signer signer) throws C2paException {
        if (signed) {
            throw new IllegalStateException("builder already signed; create a new one");
        }
        signed = true;
        PointerByReference manifest = new PointerByReference();
        long size = Native.lib().c2pa_builder_sign(pointer(), format, source.pointer(), dest.pointer(),
                signer.pointer(), manifest);
        if (size < 0) {
            C2paException error = Native.lastError("sign");
            if (signer.lastFailure() != null) {
                error.initCause(signer.lastFailure());
            }
            throw error;
        }
        Pointer bytes = manifest.getValue();
        if (bytes == null) {
            return new byte[0];
        }
        try {
            return bytes.getByteArray(0, (int) size);
        } finally {
            Native.lib().c2pa_free(bytes);
        }
    }
}
