package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and validates the C2PA manifest store of an asset. The report is c2pa-rs's own JSON
 * (active_manifest, manifests, validation_results, validation_state); this binding does not interpret it.
 * A file without a manifest fails with {@link C2paException.ManifestNotFoundException}.
 */
public final class Reader extends NativeHandle {
    // Not thread-safe: one thread uses a reader at a time (the underlying stream has one position).
    private Reader(Pointer p) {
        super(p, "reader");
    }

    /**
     * Reads and validates the manifest store of {@code stream} ({@code c2pa_reader_with_stream}), as the
     * context's settings say (trust lists, verification switches).
     *
     * @param context settings for reading; must stay open while the reader is used
     * @param format a MIME type or extension ("video/mp4", "mp4"), or "" to let c2pa-rs sniff it
     * @param stream the asset; must stay open while the reader is used (it may read thumbnails)
     * @return a reader the caller closes
     * @throws C2paException.ManifestNotFoundException when the asset has no manifest
     * @throws C2paException                           when it cannot be parsed (a validation failure is not an
     *                                                 exception: it is in the report)
     */
    public static Reader read(Context context, String format, C2paStream stream) throws C2paException {
        Pointer fresh = Native.check(Native.lib().c2pa_reader_from_context(context.pointer()), "create reader");
        // with_stream consumes the fresh reader whether it succeeds or not
        Pointer loaded = Native.check(Native.lib().c2pa_reader_with_stream(fresh, format, stream.pointer()), "read manifest");
        return new Reader(loaded);
    }

    /**
     * Reads a detached manifest store (sidecar {@code .c2pa} bytes) against the asset it binds to.
     *
     * @param context  settings for reading; must stay open while the reader is used
     * @param format   MIME type or extension of the asset, or "" to let c2pa-rs sniff it
     * @param stream   the asset the manifest binds to
     * @param manifest the manifest store (JUMBF) bytes, not empty
     * @return a reader the caller closes
     * @throws C2paException when the bytes or the asset cannot be parsed, or {@code manifest} is empty
     */
    public static Reader readWithManifest(Context context, String format, C2paStream stream, byte[] manifest)
            throws C2paException {
        if (manifest.length == 0) {
            throw new C2paException(C2paException.Type.INVALID_BUFFER_SIZE, "empty manifest data");
        }
        Pointer fresh = Native.check(Native.lib().c2pa_reader_from_context(context.pointer()), "create reader");
        Pointer loaded = Native.check(Native.lib().c2pa_reader_with_manifest_data_and_stream(fresh, format,
                stream.pointer(), manifest, manifest.length), "read manifest");
        return new Reader(loaded);
    }

    /**
     * Reads a file's report, closing everything afterwards.
     *
     * @param context settings for reading
     * @param file    the asset
     * @return {@link #json()} of the file
     * @throws IOException when the file cannot be opened or its manifest read
     */
    public static String readJson(Context context, Path file) throws IOException {
        try (C2paStream stream = C2paStream.openRead(file); Reader reader = read(context, "", stream)) {
            return reader.json();
        }
    }

    /**
     * @return the manifest store report as c2patool prints it by default (active_manifest, manifests,
     *         validation_results, validation_state)
     * @throws C2paException when the library cannot produce it
     */
    public String json() throws C2paException {
        return string(Native.lib().c2pa_reader_json(pointer()), "manifest json");
    }

    /**
     * @return the detailed report ({@code c2patool -d}): claim, assertion store and signature internals
     * @throws C2paException when the library cannot produce it
     */
    public String detailedJson() throws C2paException {
        return string(Native.lib().c2pa_reader_detailed_json(pointer()), "detailed json");
    }

    /** @return true when the manifest store was embedded in the asset, false for a remote or sidecar one */
    public boolean isEmbedded() {
        return Native.lib().c2pa_reader_is_embedded(pointer());
    }

    /** @return the remote manifest URL, or null when the manifest is embedded */
    public String remoteUrl() {
        return Native.takeString(Native.lib().c2pa_reader_remote_url(pointer()));
    }

    /**
     * Writes a resource (e.g. a thumbnail identifier from the JSON) to {@code dest}.
     *
     * @param uri  the resource's identifier in the report
     * @param dest where its bytes go
     * @return the bytes written
     * @throws C2paException when there is no such resource
     */
    public long resource(String uri, C2paStream dest) throws C2paException {
        return Native.check(Native.lib().c2pa_reader_resource_to_stream(pointer(), uri, dest.pointer()),
                "read resource " + uri);
    }

    private static String string(Pointer p, String what) throws C2paException {
        return Native.takeString(Native.check(p, what));
    }
}
