package io.hallmark.provenance.internal;

import io.hallmark.provenance.ProvenanceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that an MP4/MOV file's top-level boxes tile the file exactly, before we sign it: c2pa-rs would
 * sign a truncated upload, and a signature on a broken file helps nobody.
 */
public final class BmffStructure {
    private BmffStructure() {}

    public static void requireComplete(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            int boxes = 0;
            while (pos < size) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                if (header.remaining() < 8) {
                    throw malformed(file, "trailing " + (size - pos) + " bytes after the last box");
                }
                long boxSize = Integer.toUnsignedLong(header.getInt());
                String type = new String(new byte[] {header.get(), header.get(), header.get(), header.get()},
                        StandardCharsets.ISO_8859_1);
                if (boxSize == 1) {
                    if (header.remaining() < 8) {
                        throw malformed(file, "box '" + type + "' at offset " + pos + " is cut off");
                    }
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - pos; // "extends to the end of the file"
                }
                if (boxSize < 8) {
                    throw malformed(file, "box '" + type + "' at offset " + pos + " has an impossible size " + boxSize);
                }
                if (boxSize > size - pos) {
                    throw malformed(file, "box '" + type + "' at offset " + pos + " claims " + boxSize + " bytes but only "
                            + (size - pos) + " remain (truncated file?)");
                }
                pos += boxSize;
                boxes++;
            }
            if (boxes == 0) {
                throw malformed(file, "empty file");
            }
        }
    }

    /**
     * Counts the top-level boxes of an ISO BMFF file, stopping at {@code limit + 1}; a box that cannot be
     * read ends the count (c2pa-rs judges damage; this only bounds the work). Reads 16 bytes per box.
     */
    public static int countTopLevelBoxes(Path file, int limit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return countTopLevelBoxes(ch, limit);
        }
    }

    /** {@link #countTopLevelBoxes(Path, int)} over any seekable channel (the fuzz target reads from memory). */
    public static int countTopLevelBoxes(java.nio.channels.SeekableByteChannel ch, int limit) throws IOException {
        long size = ch.size();
        long pos = 0;
        int boxes = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (pos + 8 <= size && boxes <= limit) {
            header.clear();
            ch.position(pos);
            while (header.hasRemaining() && ch.read(header) > 0) {
                // fill what the channel has
            }
            header.flip();
            if (header.remaining() < 8) {
                break;
            }
            long boxSize = Integer.toUnsignedLong(header.getInt());
            header.getInt();
            if (boxSize == 1 && header.remaining() >= 8) {
                boxSize = header.getLong();
            } else if (boxSize == 0) {
                boxSize = size - pos;
            }
            if (boxSize < 8 || boxSize > size - pos) {
                boxes++; // a box that claims more than is left ends the walk
                break;
            }
            pos += boxSize;
            boxes++;
        }
        return boxes;
    }

    private static ProvenanceException malformed(Path file, String why) {
        return new ProvenanceException("cannot sign " + file.getFileName() + ": malformed MP4/MOV: " + why);
    }
}
