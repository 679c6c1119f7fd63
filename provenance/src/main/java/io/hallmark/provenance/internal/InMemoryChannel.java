package io.hallmark.provenance.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over bytes already in memory (a thumbnail of a few kB, a fuzzer's input). Not thread-safe. */
public final class InMemoryChannel implements SeekableByteChannel {
    private final byte[] data;
    private int position;
    private boolean open = true;

    public InMemoryChannel(byte[] data) {
        this.data = data;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) {
        if (position >= data.length) {
            return -1;
        }
        int n = Math.min(dst.remaining(), data.length - position);
        dst.put(data, position, n);
        position += n;
        return n;
    }

    @Override
    public int write(java.nio.ByteBuffer src) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = (int) Math.min(newPosition, data.length);
        return this;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
