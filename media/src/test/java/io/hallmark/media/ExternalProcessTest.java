package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExternalProcessTest {
    @Test
    void outputErrorsAndExitCodeComeBackSeparately() throws Exception {
        ExternalProcess.Result r = ExternalProcess.run(
                new ProcessBuilder("sh", "-c", "echo out; echo first >&2; echo last error >&2; exit 3"), 30);
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.output());
        assertEquals("first\nlast error\n", r.errors());
        assertEquals("last error", r.errorTail(10));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aProgramThatNeverEndsIsKilledAtItsLimitEvenWhenItFillsItsOutput() {
        // 'yes' writes without end: a pipe nobody drained would block it, a pipe read to its end would hang us.
        IOException e = assertThrows(IOException.class, () -> ExternalProcess.run(new ProcessBuilder("sh", "-c", "yes | head -c 100000000; sleep 600"), 1));
        assertTrue(e.getMessage().contains("sh timed out after 1 s"), e.getMessage());
    }

    @Test
    void aProgramThatCannotStartIsAnIOException() {
        assertThrows(IOException.class, () -> ExternalProcess.run(new ProcessBuilder("/nonexistent/program"), 30));
    }
}
