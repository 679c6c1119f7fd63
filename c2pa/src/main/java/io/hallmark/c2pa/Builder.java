package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;

/**
 * Builds and signs a manifest into an asset. Single use: after {@link #sign} the builder is spent
 * (as c2pa-python does), so close it.
 */
public final class Builder extends NativeHandle {
    /** C2paBuilderIntent. */
    public enum Intent { CREATE, EDIT, UPDATE }

    private boolean signed;

    private Builder(Pointer p) {
        super(p, "builder");
    }

    /** A builder for the manifest definition (JSON: claim_generator_info, title, assertions, ...). */
    public static Builder create(Context context, String manifestJson) throws C2paException {
        Pointer fresh = Native.check(Native.lib().c2pa_builder_from_context(context.pointer()), "create builder");
        Pointer defined = Native.check(Native.lib().c2pa_builder_with_definition(fresh, manifestJson),
                "manifest definition");
        return new Builder(defined);
    }

    /** CREATE with a digital source type makes c2pa-rs add the c2pa.created action itself. */
    public Builder intent(Intent intent, DigitalSourceType sourceType) throws C2paException {
        Native.check(Native.lib().c2pa_builder_set_intent(pointer(), intent.ordinal(), sourceType.ordinal()), "set intent");
        return this;
    }

    /** Adds a resource referenced from the definition by {@code uri}, e.g. the thumbnail's identifier. */
    public Builder resource(String uri, C2paStream data) throws C2paException {
        Native.check(Native.lib().c2pa_builder_add_resource(pointer(), uri, data.pointer()), "add resource " + uri);
        return this;
    }

    /** Adds an ingredient (JSON: title, relationship parentOf/componentOf/inputTo) read from {@code source}. */
    public Builder ingredient(String ingredientJson, String format, C2paStream source) throws C2paException {
        Native.check(Native.lib().c2pa_builder_add_ingredient_from_stream(pointer(), ingredientJson, format,
                source.pointer()), "add ingredient");
        return this;
    }

    /** Do not embed: the signed manifest is returned only (sidecar / cloud manifests). */
    public Builder noEmbed() {
        Native.lib().c2pa_builder_set_no_embed(pointer());
        return this;
    }

    /**
     * Signs: reads {@code source}, writes the asset with the manifest embedded to {@code dest} (which must be
     * readable, writable and seekable), and returns the manifest store bytes.
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
