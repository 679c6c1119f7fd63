package io.hallmark.provenance;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** File extension to the MIME type c2pa-rs expects; only formats it can embed a manifest in. */
public final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4", "m4v", "video/mp4", "mov", "video/quicktime",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "avi", "video/avi");

    private MediaTypes() {}

    public static Optional<String> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1)));
    }
}
