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
    private Reader(Pointer p) {
        super(p, "reader");
    }

    /**
     * Reads {@code stream}; {@code format} is a MIME type or extension ("video/mp4", "mp4"), or "" to let
     * c2pa-rs sniff it. The stream must stay open while the reader is used (it may read thumbnails).
     */
    public static Reader read(Context context, String format, C2paStream stream) throws C2paException {
        Pointer fresh = Native.check(Native.lib().c2pa_reader_from_context(context.pointer()), "create reader");
        // with_stream consumes the fresh reader whether it succeeds or not
        Pointer loaded = Native.check(Native.lib().c2pa_reader_with_stream(fresh, format, stream.pointer()), "read manifest");
        return new Reader(loaded);
    }

    /** Reads a detached manifest store (sidecar .c2pa bytes) against the asset it binds to. */
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

    /** Convenience: read a file, closing the stream afterwards. */
    public static String readJson(Context context, Path file) throws IOException {
        try (C2paStream stream = C2paStream.openRead(file); Reader reader = read(context, "", stream)) {
            return reader.json();
        }
    }

    /** The manifest store report as c2patool prints it by default. */
    public String json() throws C2paException {
        return string(Native.lib().c2pa_reader_json(pointer()), "manifest json");
    }

    /** The detailed report (c2patool -d): claim, assertion store and signature internals. */
    public String detailedJson() throws C2paException {
        return string(Native.lib().c2pa_reader_detailed_json(pointer()), "detailed json");
    }

    public boolean isEmbedded() {
        return Native.lib().c2pa_reader_is_embedded(pointer());
    }

    /** The remote manifest URL, or null when the manifest is embedded. */
    public String remoteUrl() {
        return Native.takeString(Native.lib().c2pa_reader_remote_url(pointer()));
    }

    /** Writes a resource (e.g. a thumbnail identifier from the JSON) to {@code dest}; returns the byte count. */
    public long resource(String uri, C2paStream dest) throws C2paException {
        return Native.check(Native.lib().c2pa_reader_resource_to_stream(pointer(), uri, dest.pointer()),
                "read resource " + uri);
    }

    private static String string(Pointer p, String what) throws C2paException {
        return Native.takeString(Native.check(p, what));
    }
}
