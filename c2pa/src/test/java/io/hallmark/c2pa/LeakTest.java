package io.hallmark.c2pa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Opening and closing readers must not grow native memory: every handle is freed exactly once. */
class LeakTest {
    static final int BATCH = 4_000;

    @Test
    void everyHandleAReaderCycleOpensIsFreed() throws Exception {
        Path file = Fixtures.image("C.jpg");
        try (Settings settings = Fixtures.settings(false); Context ctx = Context.of(settings)) {
            long before = io.hallmark.c2pa.internal.NativeHandle.live();
            cycles(ctx, file, 100);
            assertEquals(before, io.hallmark.c2pa.internal.NativeHandle.live(), "streams and readers all freed");
            try (C2paStream stream = C2paStream.openRead(file); Reader reader = Reader.read(ctx, "image/jpeg", stream)) {
                assertEquals(before + 2, io.hallmark.c2pa.internal.NativeHandle.live(), "the count sees open handles");
            }
        }
    }

    /**
     * Also catches leaks inside c2pa-rs itself, which the handle count cannot see (Linux: reads /proc). The resident
     * size of a process moves with the allocator's arenas, so the test compares two equal batches after a warm-up: a
     * leak grows every batch by the same amount (one leaked reader holds the manifest store, over 100 kB, so 4,000
     * leaks are over 400 MB), while the allocator's own growth levels off after the first.
     */
    @Test
    void readerCyclesDoNotGrowNativeMemoryBatchAfterBatch() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs /proc");
        Path file = Fixtures.image("C.jpg");
        try (Settings settings = Fixtures.settings(false); Context ctx = Context.of(settings)) {
            cycles(ctx, file, 2_000); // warm-up: allocator pools, JIT, JNA caches
            long start = residentKb();
            cycles(ctx, file, BATCH);
            long afterFirst = residentKb();
            cycles(ctx, file, BATCH);
            long afterSecond = residentKb();
            System.out.printf("LeakTest: RSS outside the heap %d kB, +%d kB after %d cycles, +%d kB after %d more%n", start,
                    afterFirst - start, BATCH, afterSecond - afterFirst, BATCH);
            assertTrue(afterSecond - afterFirst < 40_000, "resident memory grew by " + (afterSecond - afterFirst)
                    + " kB over the second " + BATCH + " cycles (the first: " + (afterFirst - start) + " kB)");
        }
    }

    private static void cycles(Context ctx, Path file, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            try (C2paStream stream = C2paStream.openRead(file); Reader reader = Reader.read(ctx, "image/jpeg", stream)) {
                if (reader.json().isEmpty()) {
                    throw new AssertionError("empty report");
                }
            }
        }
    }

    /**
     * Resident memory outside the Java heap, kB: the process's VmRSS less the heap's committed size (the heap grows
     * with the garbage the cycles make and would otherwise read as a leak).
     */
    private static long residentKb() throws Exception {
        System.gc();
        Thread.sleep(200);
        long heapKb = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) - heapKb;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
