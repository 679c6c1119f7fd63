package io.hallmark;

import io.hallmark.watermark.Payload;
import java.nio.file.Path;

/**
 * A video watermarked by {@link Hallmark#embed} (no C2PA manifest).
 *
 * @param file    the H.264 MP4 written
 * @param payload the 64-bit ID it carries
 * @param frames  frames written
 */
public record EmbeddedVideo(Path file, Payload payload, long frames) {
}
