package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import io.hallmark.c2pa.internal.LibC2pa;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A c2pa-rs stream backed by a Java {@link SeekableByteChannel}: the library reads, seeks and writes
 * through callbacks, zero-copy into its own buffers. The callbacks are fields of this object, so they stay
 * strongly reachable for as long as the native stream can call them. Closing releases the native wrapper
 * and closes the channel.
 */
public final class C2paStream extends NativeHandle {
    private final SeekableByteChannel channel;
    // Strong references: JNA callbacks that get collected crash the JVM when native code calls them.
    private final LibC2pa.ReadCallback reader;
    private final LibC2pa.SeekCallback seeker;
    private final LibC2pa.WriteCallback writer;
    private final LibC2pa.FlushCallback flusher;

    private C2paStream(SeekableByteChannel channel, Callbacks callbacks) throws C2paException {
        super(Native.check(Native.lib().c2pa_create_stream(null, callbacks.read, callbacks.seek, callbacks.write,
                callbacks.flush), "create stream"), "stream");
        this.channel = channel;
        this.reader = callbacks.read;
        this.seeker = callbacks.seek;
        this.writer = callbacks.write;
        this.flusher = callbacks.flush;
    }

    /**
     * A stream over {@code channel} ({@code c2pa_create_stream}); closing the stream closes the channel.
     *
     * @param channel read, and for writing streams also written, by c2pa-rs through callbacks
     * @return a stream the caller closes; used by one native operation at a time
     * @throws C2paException when the library cannot create the stream
     */
    public static C2paStream of(SeekableByteChannel channel) throws C2paException {
        return new C2paStream(channel, new Callbacks(channel));
    }

    /**
     * A read-only stream over a file (inputs are never modified).
     *
     * @param file the file to read
     * @return a stream the caller closes
     * @throws IOException when the file cannot be opened
     */
    public static C2paStream openRead(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return of(ch);
        } catch (C2paException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * A read-write stream over a new or truncated file (c2pa-rs reads back what it writes).
     *
     * @param file the file to create or truncate
     * @return a stream the caller closes
     * @throws IOException when the file cannot be created
     */
    public static C2paStream openReadWrite(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return of(ch);
        } catch (C2paException e) {
            ch.close();
            throw e;
        }
    }

    /** @return the channel this stream reads and writes */
    public SeekableByteChannel channel() {
        return channel;
    }

    @Override
    protected void release(Pointer p) {
        Native.lib().c2pa_release_stream(p);
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the native side is gone either way
        }
    }

    /** The four callbacks over one channel; errors become -1 with the reason set for c2pa-rs. */
    private static final class Callbacks {
        final LibC2pa.ReadCallback read;
        final LibC2pa.SeekCallback seek;
        final LibC2pa.WriteCallback write;
        final LibC2pa.FlushCallback flush;

        Callbacks(SeekableByteChannel ch) {
            read = (ctx, data, len) -> {
                try {
                    ByteBuffer buffer = data.getByteBuffer(0, len);
                    int total = 0;
                    while (buffer.hasRemaining()) {
                        int n = ch.read(buffer);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    }
                    return total;
                } catch (IOException | RuntimeException e) {
                    return fail(e);
                }
            };
            seek = (ctx, offset, mode) -> {
                try {
                    long base = switch (mode) {
                        case 0 -> 0;
                        case 1 -> ch.position();
                        case 2 -> ch.size();
                        default -> throw new IOException("bad seek mode " + mode);
                    };
                    long target = base + offset;
                    if (target < 0) {
                        throw new IOException("seek before start of stream");
                    }
                    ch.position(target);
                    return target;
                } catch (IOException | RuntimeException e) {
                    return fail(e);
                }
            };
            write = (ctx, data, len) -> {
                try {
                    ByteBuffer buffer = data.getByteBuffer(0, len);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    return len;
                } catch (IOException | RuntimeException e) {
                    return fail(e);
                }
            };
            // Writes through a channel are already handed to the OS; durability (fsync) is the caller's
            // business once the whole file is written, not on every flush of a multi-GB sign.
            flush = ctx -> 0;
        }

        private static long fail(Exception e) {
            Native.lib().c2pa_error_set_last("Io: " + e);
            return -1;
        }
    }
}
