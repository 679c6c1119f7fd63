package io.hallmark.testdata;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Changes made to signed files by tests, as an attacker or a faulty copy would. */
public final class Tampering {
    private Tampering() {}

    /**
     * Flips bits of one byte in place ({@code XOR 0x5a}): in a faststart MP4 a byte near the end lies in {@code mdat},
     * so the picture changes and the signed hash no longer matches.
     *
     * @param file    the file, changed in place
     * @param fromEnd how many bytes before the end the byte lies, 1..length
     * @throws IOException when the file cannot be read or written
     */
    public static void flipByteFromEnd(Path file, long fromEnd) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() - fromEnd;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5a);
        }
    }
}
