package io.hallmark.verify.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.verify.VideoInspector.Inspection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's safety claim: a decoder that hangs, crashes or runs out of memory costs one worker and one file's
 * detection, is reported with the reason, and the next file gets a fresh worker.
 */
class IsolatedInspectorTest {
    @TempDir
    Path dir;

    /** Starts {@code first} once, then {@link FakeWorkers.Polite} for every later worker. */
    private static WorkerLauncher firstThenPolite(Class<?> first, AtomicInteger starts) {
        return (mainClass, maxHeap) -> {
            Class<?> main = starts.getAndIncrement() == 0 ? first : FakeWorkers.Polite.class;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + maxHeap, "-cp", WorkerLauncher.classPath(), main.getName()));
            return command;
        };
    }

    private Inspection[] inspectTwice(Class<?> first, long timeoutSeconds, String heap, AtomicInteger starts)
            throws Exception {
        Path key = Files.writeString(dir.resolve("watermark.key"), "not read by the fake workers");
        Path video = Files.writeString(dir.resolve("clip.mp4"), "not read by the fake workers");
        try (IsolatedInspector inspector = new IsolatedInspector(key, 1, timeoutSeconds, heap,
                firstThenPolite(first, starts))) {
            return new Inspection[] {inspector.inspect(video), inspector.inspect(video)};
        }
    }

    @Test
    void aDecoderThatHangsIsStoppedAtTheTimeLimitAndReplaced() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Inspection[] r = inspectTwice(FakeWorkers.Hang.class, 1, "64m", starts);
        assertEquals("decoding took longer than 1 s: stopped", r[0].error().orElseThrow());
        assertEquals("answered by a fresh worker", r[1].error().orElseThrow());
        assertEquals(2, starts.get());
    }

    @Test
    void aDecoderThatCrashesIsReportedWithItsLastWordsAndReplaced() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Inspection[] r = inspectTwice(FakeWorkers.Crash.class, 30, "64m", starts);
        assertEquals("the decoder crashed on this file (worker exit code 134): simulated decoder crash: corrupt slice header",
                r[0].error().orElseThrow());
        assertEquals("answered by a fresh worker", r[1].error().orElseThrow());
    }

    @Test
    void aDecoderThatRunsOutOfMemoryHitsItsOwnHeapLimitNotOurs() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Inspection[] r = inspectTwice(FakeWorkers.Greedy.class, 60, "32m", starts);
        String error = r[0].error().orElseThrow();
        assertTrue(error.startsWith("the decoder crashed on this file (worker exit code 1)"), error);
        assertTrue(error.contains("OutOfMemoryError"), error);
        assertEquals("answered by a fresh worker", r[1].error().orElseThrow());
    }

    @Test
    void aWorkerThatCannotBeStartedIsAReportNotACrash() throws Exception {
        Path key = Files.writeString(dir.resolve("watermark.key"), "x");
        WorkerLauncher broken = (mainClass, maxHeap) -> List.of(dir.resolve("no-such-java").toString());
        try (IsolatedInspector inspector = new IsolatedInspector(key, 1, 5, "64m", broken)) {
            String error = inspector.inspect(dir.resolve("clip.mp4")).error().orElseThrow();
            assertTrue(error.startsWith("decoder worker failed: "), error);
        }
    }

    @Test
    void theDefaultLauncherUsesAnExplicitClassPathFirst() {
        String before = System.getProperty(WorkerLauncher.CLASS_PATH_PROPERTY);
        try {
            System.setProperty(WorkerLauncher.CLASS_PATH_PROPERTY, "/opt/hallmark/lib/*");
            List<String> command = WorkerLauncher.sameJvm().command("io.example.Main", "512m");
            int cp = command.indexOf("-cp");
            assertEquals("/opt/hallmark/lib/*", command.get(cp + 1));
            assertEquals("io.example.Main", command.get(command.size() - 1));
            assertTrue(command.contains("-Xmx512m"), command.toString());
        } finally {
            if (before == null) {
                System.clearProperty(WorkerLauncher.CLASS_PATH_PROPERTY);
            } else {
                System.setProperty(WorkerLauncher.CLASS_PATH_PROPERTY, before);
            }
        }
    }
}
