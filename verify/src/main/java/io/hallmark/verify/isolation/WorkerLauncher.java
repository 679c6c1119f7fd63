package io.hallmark.verify.isolation;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a decoder worker process is started: the command line that runs {@link InspectionWorker}'s {@code main}
 * with a heap limit. Injected into {@link IsolatedInspector} so that a host whose class path is not a list of
 * files (a fat jar's nested jars, an application server, a Beam worker's class loader) can say how to start one,
 * e.g. a container entry point or a wrapper script.
 *
 * <p>Implementations must be thread-safe: workers are started from any verifying thread.
 */
@FunctionalInterface
public interface WorkerLauncher {
    /** System property naming the worker's class path explicitly (a distribution's launcher sets it). */
    String CLASS_PATH_PROPERTY = "hallmark.worker.classpath";

    /**
     * The worker's command line.
     *
     * @param mainClass the class whose {@code main} serves the worker protocol ({@link InspectionWorker})
     * @param maxHeap   the heap (and direct memory) limit, in {@code -Xmx} syntax, e.g. {@code "1g"}
     * @return the program and its arguments; the process must speak the protocol on stdin/stdout
     */
    List<String> command(String mainClass, String maxHeap);

    /**
     * This JVM's {@code java}, with the class path taken from, in order: the {@value #CLASS_PATH_PROPERTY} system
     * property; {@code java.class.path} when every entry of it exists as a file or folder; else the folder of the
     * jar this class was loaded from ({@code lib/*}), which is how the release archive lays its jars out.
     *
     * @throws IllegalStateException from {@link #command} when none of them gives a class path
     */
    static WorkerLauncher sameJvm() {
        return (mainClass, maxHeap) -> {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + maxHeap, "-XX:MaxDirectMemorySize=" + maxHeap, "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
            command.addAll(List.of("-cp", classPath(), mainClass));
            return command;
        };
    }

    /** The class path {@link #sameJvm()} gives its workers. */
    static String classPath() {
        String explicit = System.getProperty(CLASS_PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String own = System.getProperty("java.class.path", "");
        if (!own.isBlank() && List.of(own.split(File.pathSeparator)).stream()
                .allMatch(e -> e.endsWith("*") || Files.exists(Path.of(e)))) {
            return own;
        }
        try {
            java.security.CodeSource source = WorkerLauncher.class.getProtectionDomain().getCodeSource();
            Path jar = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
            if (jar != null && Files.isRegularFile(jar)) {
                return jar.getParent().resolve("*").toString();
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // fall through: no usable location
        }
        throw new IllegalStateException("cannot tell how to start a decoder worker: set -D" + CLASS_PATH_PROPERTY
                + " to the class path of Hallmark's jars, or give the verifier a WorkerLauncher");
    }
}
