package io.hallmark.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.testdata.SharedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar the build makes ({@code target/hallmark-beam-flink-job.jar}) submitted with {@code flink run} to a
 * standalone Flink cluster set up as docs/beam.md tells an operator: a JobManager and a TaskManager, each a JVM of its
 * own started from Flink's own jars (what flink-dist bundles: {@code target/flink-cluster-classpath.txt}) with the
 * entry points and memory settings Flink's scripts use, and the jars of {@code target/flink-lib/} copied into the
 * cluster's {@code lib/}. Everything listens on 127.0.0.1 only, and every process the test started is stopped at the
 * end, whatever happened.
 *
 * <p>Two jobs run into one output prefix: four files give four rows (the video decoded by a decoder process started
 * from the job jar), then two files in another shard count replace them; the TaskManager holds the same native
 * libraries after the second job as after the first (loaded once, by Flink's parent class loader).
 */
class FlinkClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("beam.target", "target"));
    /** The JDK flags Flink 1.19's own config.yaml passes to every Flink JVM on Java 17 ({@code env.java.opts.all}). */
    private static final List<String> FLINK_JDK_FLAGS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    @TempDir
    Path dir;
    private Path flinkHome;
    private String classPath;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() throws InterruptedException {
        List<Process> lastFirst = new ArrayList<>(started);
        java.util.Collections.reverse(lastFirst);
        for (Process p : lastFirst) {
            // a TaskManager's decoder processes: found before it goes, killed after
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theJobJarRunsOnAStandaloneFlinkClusterWithTheNativeJarsInItsLib() throws Exception {
        Path jobJar = TARGET.resolve("hallmark-beam-flink-job.jar");
        assertTrue(Files.isRegularFile(jobJar), "build the job jar first (mvn package): " + jobJar);
        int rpcPort = freePort();
        int restPort = freePort();
        installFlink(rpcPort, restPort);

        Process jobManager = startFlinkJvm("jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--executionMode", "cluster");
        Process taskManager = startFlinkJvm("taskmanager", "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
        awaitTaskManager(restPort, jobManager, taskManager);

        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/C.jpg"), uploads.resolve("a-signed.jpg"));
        Files.copy(SharedData.c2paFixture("c2pa-rs/image/no_manifest.jpg"), uploads.resolve("b-plain.jpg"));
        Files.copy(SharedData.clip("mdn_friday.mp4"), uploads.resolve("c-clip.mp4"));
        byte[] noise = new byte[20_000];
        new Random(5).nextBytes(noise);
        Files.write(uploads.resolve("d-noise.bin"), noise);
        // a watermark key, so that the video is decoded (in a decoder process the TaskManager starts) and checked
        Path hallmarkHome = Files.createDirectories(dir.resolve("hallmark-home"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(hallmarkHome.resolve("watermark.key"), HexFormat.of().formatHex(key) + "\n");
        Path out = dir.resolve("out");

        submit(jobJar, "first", "--input=" + uploads + "/*", "--output=" + out.resolve("scan"),
                "--hallmarkHome=" + hallmarkHome, "--shards=2");
        Map<String, JsonNode> reports = reports(out);
        assertEquals(List.of("a-signed.jpg", "b-plain.jpg", "c-clip.mp4", "d-noise.bin"),
                RerunOutputTest.parquetFiles(out), "4 files, 4 Parquet rows");
        assertEquals(Set.of("a-signed.jpg", "b-plain.jpg", "c-clip.mp4", "d-noise.bin"), reports.keySet(), "JSONL");
        assertEquals("SIGNED", reports.get("a-signed.jpg").path("verdict").asText(), "c2pa-rs, from the cluster's lib/");
        JsonNode clip = reports.get("c-clip.mp4");
        assertTrue(clip.path("watermark").path("analysed").asBoolean(), "the video was decoded: " + clip);
        assertEquals(4, RerunOutputTest.summaryFiles(out));
        assertEquals(RerunOutputTest.outputs(2), RerunOutputTest.names(out), "nothing but the outputs");
        Set<String> natives = nativeLibraries(taskManager.pid());
        assertFalse(natives.isEmpty(), "JNA's libraries (jnidispatch, c2pa-rs) are loaded in the TaskManager");

        submit(jobJar, "second", "--input=" + uploads + "/a-*," + uploads + "/c-*", "--output=" + out.resolve("scan"),
                "--hallmarkHome=" + hallmarkHome, "--shards=3");
        assertEquals(List.of("a-signed.jpg", "c-clip.mp4"), RerunOutputTest.parquetFiles(out), "the run replaced");
        assertEquals(Set.of("a-signed.jpg", "c-clip.mp4"), reports(out).keySet(), "JSONL");
        assertEquals(RerunOutputTest.outputs(3), RerunOutputTest.names(out), "nothing but the second run's outputs");
        assertEquals(natives, nativeLibraries(taskManager.pid()),
                "the second job used the native libraries the first loaded, not copies of its own");

        for (Process p : List.of(jobManager, taskManager)) {
            List<String> listening = listeningAddresses(p.pid());
            assertFalse(listening.isEmpty(), "pid " + p.pid() + " listens");
            for (String address : listening) {
                assertTrue(address.startsWith("127.0.0.1:"), "pid " + p.pid() + " listens on " + listening);
            }
        }
    }

    /**
     * A Flink folder as an operator has one: {@code lib/} with Flink's jars and, as docs/beam.md says, the jars of
     * {@code target/flink-lib/}; {@code conf/config.yaml} on loopback; {@code conf/log4j.properties}.
     */
    private void installFlink(int rpcPort, int restPort) throws IOException {
        flinkHome = dir.resolve("flink");
        Path lib = Files.createDirectories(flinkHome.resolve("lib"));
        Path conf = Files.createDirectories(flinkHome.resolve("conf"));
        Files.createDirectories(flinkHome.resolve("log"));
        for (String jar : Files.readString(TARGET.resolve("flink-cluster-classpath.txt")).strip().split(":")) {
            Path j = Path.of(jar);
            Files.createSymbolicLink(lib.resolve(j.getFileName()), j);
        }
        try (Stream<Path> jars = Files.list(TARGET.resolve("flink-lib"))) {
            for (Path j : jars.toList()) {
                Files.copy(j, lib.resolve(j.getFileName())); // cp beam/target/flink-lib/*.jar $FLINK_HOME/lib/
            }
        }
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 768m",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.memory.process.size: 1536m",
                "taskmanager.memory.managed.fraction: 0.1",
                "taskmanager.numberOfTaskSlots: 1",
                "parallelism.default: 1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "io.tmp.dirs: " + Files.createDirectories(dir.resolve("flink-tmp")),
                ""));
        Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                ""));
        try (Stream<Path> jars = Files.list(lib)) {
            classPath = String.join(":", jars.map(Path::toString).sorted().toList());
        }
    }

    /** A Flink JVM as Flink's scripts start it: the memory flags and settings BashJavaUtils derives from the config. */
    private Process startFlinkJvm(String name, String resourceParams, String mainClass, String... more)
            throws IOException, InterruptedException {
        Process utils = new ProcessBuilder(java(), "-cp", classPath, "org.apache.flink.runtime.util.bash.BashJavaUtils",
                resourceParams, "--configDir", flinkHome.resolve("conf").toString())
                .redirectErrorStream(true).start();
        String printed = new String(utils.getInputStream().readAllBytes());
        assertTrue(utils.waitFor(60, TimeUnit.SECONDS) && utils.exitValue() == 0, printed);
        List<String> results = printed.lines().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).strip()).toList();
        assertEquals(2, results.size(), printed);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(results.get(0).split("\\s+")));
        command.addAll(FLINK_JDK_FLAGS);
        command.addAll(logging(name));
        command.addAll(List.of("-cp", classPath, mainClass, "--configDir", flinkHome.resolve("conf").toString()));
        command.addAll(List.of(more));
        command.addAll(List.of(results.get(1).split("\\s+")));
        return start(name, command, Map.of());
    }

    /** {@code flink run JOBJAR ARGS}, attached: returns when the job has finished; fails unless it exits 0. */
    private void submit(Path jobJar, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(FLINK_JDK_FLAGS);
        command.addAll(logging("client-" + name));
        command.addAll(List.of("-cp", classPath, "org.apache.flink.client.cli.CliFrontend", "run", jobJar.toString(),
                "--runner=FlinkRunner"));
        command.addAll(List.of(args));
        Process client = start("client-" + name, command, Map.of("FLINK_CONF_DIR", flinkHome.resolve("conf").toString()));
        if (!client.waitFor(300, TimeUnit.SECONDS)) {
            fail("the " + name + " job did not finish in 300 s" + logs("client-" + name, "taskmanager"));
        }
        assertEquals(0, client.exitValue(), "flink run, " + name + " job" + logs("client-" + name, "taskmanager"));
    }

    private Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(flinkHome.toFile()).redirectErrorStream(true)
                .redirectOutput(flinkHome.resolve("log").resolve(name + ".out").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private List<String> logging(String name) {
        return List.of("-Dlog.file=" + flinkHome.resolve("log").resolve(name + ".log"),
                "-Dlog4j.configurationFile=" + flinkHome.resolve("conf").resolve("log4j.properties"));
    }

    private void awaitTaskManager(int restPort, Process jobManager, Process taskManager) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest overview = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/overview"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!jobManager.isAlive() || !taskManager.isAlive()) {
                fail("a Flink process stopped" + logs("jobmanager", "taskmanager"));
            }
            try {
                JsonNode o = JSON.readTree(http.send(overview, HttpResponse.BodyHandlers.ofString()).body());
                if (o.path("taskmanagers").asInt() == 1 && o.path("slots-available").asInt() >= 1) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("no TaskManager registered in 180 s" + logs("jobmanager", "taskmanager"));
    }

    /** The last lines of the named processes' output and logs, for a failure's message. */
    private String logs(String... names) {
        StringBuilder all = new StringBuilder();
        for (String name : names) {
            for (String suffix : List.of(".out", ".log")) {
                Path f = flinkHome.resolve("log").resolve(name + suffix);
                try {
                    List<String> lines = Files.readAllLines(f);
                    all.append("\n--- ").append(f.getFileName()).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                } catch (IOException e) {
                    all.append("\n--- ").append(f.getFileName()).append(": none");
                }
            }
        }
        return all.toString();
    }

    /** The shared libraries JNA extracted and the process has mapped (jnidispatch, c2pa-rs), by file. */
    private static Set<String> nativeLibraries(long pid) throws IOException {
        Set<String> libraries = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[5].contains("/JNA/temp/")) {
                libraries.add(f[5]);
            }
        }
        return libraries;
    }

    /** ADDRESS:PORT of each TCP socket the process listens on (from /proc: its socket inodes in /proc/net/tcp*). */
    private static List<String> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = new TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table)).stream().skip(1).toList()) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // LISTEN
                    addresses.add(address(f[1]));
                }
            }
        }
        return addresses;
    }

    /** A /proc/net/tcp* local address (hex, little-endian words) as ADDRESS:PORT; IPv4-mapped IPv6 as IPv4. */
    static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        if (a.length() == 32 && a.startsWith("0000000000000000FFFF0000")) {
            a = a.substring(24);
        }
        if (a.length() == 8) {
            return Integer.parseInt(a.substring(6, 8), 16) + "." + Integer.parseInt(a.substring(4, 6), 16) + "."
                    + Integer.parseInt(a.substring(2, 4), 16) + "." + Integer.parseInt(a.substring(0, 2), 16) + ":" + port;
        }
        return "[" + a + "]:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JSONL reports of a run, by file name; a file reported twice fails. */
    private static Map<String, JsonNode> reports(Path out) throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (Path f : RerunOutputTest.list(out, "scan-results-")) {
            if (f.getFileName().toString().endsWith(".jsonl")) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        JsonNode r = JSON.readTree(line);
                        String name = Path.of(r.path("file").asText()).getFileName().toString();
                        assertTrue(byName.put(name, r) == null, name + " reported twice");
                    }
                }
            }
        }
        return byName;
    }
}
