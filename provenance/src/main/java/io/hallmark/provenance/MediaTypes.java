package io.hallmark.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which format a file is, for c2pa-rs, from its first bytes: the one place that decides it. Names are never
 * consulted (a file without an extension, or an AAC-only {@code .m4a}, is what its bytes say it is). Only
 * formats c2pa-rs embeds manifests in get a type: JPEG, PNG, WebP, GIF, TIFF, the ISO base media family by
 * major brand (MP4, QuickTime, M4A audio, HEIC, AVIF), AVI and WAV. Thread-safe.
 */
public final class MediaTypes {
    /** Bytes read to decide. */
    static final int HEAD = 16;

    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("video/mp4", List.of("mp4", "m4v")),
            Map.entry("video/quicktime", List.of("mov", "qt")),
            Map.entry("audio/mp4", List.of("m4a", "m4b", "mp4")),
            Map.entry("image/heic", List.of("heic", "heif")),
            Map.entry("image/avif", List.of("avif")),
            Map.entry("image/jpeg", List.of("jpg", "jpeg")),
            Map.entry("image/png", List.of("png")),
            Map.entry("image/webp", List.of("webp")),
            Map.entry("image/gif", List.of("gif")),
            Map.entry("image/tiff", List.of("tif", "tiff")),
            Map.entry("video/avi", List.of("avi")),
            Map.entry("audio/wav", List.of("wav")));

    private MediaTypes() {}

    /**
     * The MIME type c2pa-rs should be given for {@code file}, from its content; empty when it is not a
     * format a manifest can be embedded in (or an empty file).
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<String> of(Path file) throws IOException {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, HEAD);
        }
        return ofHead(head, n);
    }

    /** The same decision from the first {@code n} bytes of a file. */
    public static Optional<String> ofHead(byte[] head, int n) {
        if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (n >= 8 && u(head, 0) == 0x89 && ascii(head, 1, 3).equals("PNG")) {
            return Optional.of("image/png");
        }
        if (n >= 6 && ascii(head, 0, 4).equals("GIF8")) {
            return Optional.of("image/gif");
        }
        if (n >= 4 && (ascii(head, 0, 2).equals("II") && u(head, 2) == 42 && u(head, 3) == 0
                || ascii(head, 0, 2).equals("MM") && u(head, 2) == 0 && u(head, 3) == 42)) {
            return Optional.of("image/tiff");
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF")) {
            String form = ascii(head, 8, 4);
            return switch (form) {
                case "WEBP" -> Optional.of("image/webp");
                case "WAVE" -> Optional.of("audio/wav");
                case "AVI " -> Optional.of("video/avi");
                default -> Optional.empty();
            };
        }
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            return Optional.of(switch (brand) {
                case "qt  " -> "video/quicktime";
                case "M4A ", "M4B ", "M4P " -> "audio/mp4";
                case "heic", "heix", "heim", "heis", "mif1", "msf1" -> "image/heic";
                case "avif", "avis" -> "image/avif";
                default -> "video/mp4";
            });
        }
        if (n >= 8) {
            String box = ascii(head, 4, 4);
            if (box.equals("moov") || box.equals("mdat") || box.equals("wide") || box.equals("free")) {
                return Optional.of("video/quicktime"); // QuickTime without ftyp
            }
        }
        return Optional.empty();
    }

    /** File name extensions (lower case, no dot) that say this type, the usual one first; empty if unknown. */
    public static List<String> extensions(String mimeType) {
        return EXTENSIONS.getOrDefault(mimeType, List.of());
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
