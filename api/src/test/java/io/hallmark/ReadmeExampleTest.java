package io.hallmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Use from Java" example compiles and does what it says, as printed there. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleGeneratesCertifiesAndVerifiesAVideo() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("hallmark.root", ".."), "README.md"));
        Matcher m = Pattern.compile("## Use from Java.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a 'Use from Java' section with a java block");
        Path source = dir.resolve("UseFromJava.java");
        Files.writeString(source, m.group(1));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-cp", classPath, "-d", dir.toString(), source.toString());
        assertEquals(0, compiled, "the example compiles against the API");

        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", dir + File.pathSeparator + classPath, "UseFromJava")
                .directory(dir.toFile()).redirectErrorStream(true);
        run.environment().put("HALLMARK_HOME", home.toString());
        Process p = run.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the example finishes");
        assertEquals(0, p.exitValue(), output);
        // signed by this machine's development root, which is not on the C2PA trust list: signed, not trusted
        assertTrue(output.matches("(?s).*kite\\.mp4: SIGNED, watermark [0-9a-f]{16}\\s*"), output);
        assertTrue(Files.size(dir.resolve("kite.mp4")) > 10_000);
        assertTrue(Files.exists(home.resolve("manifests.db")), "the manifest went into the store in HALLMARK_HOME");
        assertEquals(List.of(), leftovers(dir), "no temp files left beside the output");
    }

    private static List<String> leftovers(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".tmp") || n.startsWith(".")).toList();
        }
    }
}
