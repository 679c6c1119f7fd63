package io.hallmark.bench.service;

import io.hallmark.HallmarkConfig;
import io.hallmark.service.ApiKeys;
import io.hallmark.service.HallmarkService;
import io.hallmark.service.ServiceConfig;
import io.hallmark.testdata.TcpRelay;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code hallmark bench service --slow-loris N --outage-seconds S}: the service under the two failures an SRE fears,
 * on loopback only, bounded in connections and time, in one run with its own baseline (the same probe before the
 * attack).
 * <ul>
 *   <li><b>Slow-loris</b>: N connections each start an upload (1 MiB declared) and trickle one byte every 5 s, first
 *       without a key, then with a valid key; meanwhile {@code GET /health} is probed every 100 ms. Reports the probe's
 *       p50/p99/max, failed probes, the answers the attackers got, and the JVM's threads and resident memory before,
 *       during and after.</li>
 *   <li><b>Database outage</b>: the service's PostgreSQL store is reached through a {@link TcpRelay} that is cut for S
 *       seconds while clients read {@code /health} and {@code /manifests/{id}}; reports how long each answer took
 *       during the outage (time to 503), what came back, and how long until the first 200 after it.</li>
 * </ul>
 */
public final class ServiceAttackBenchmark {
    private ServiceAttackBenchmark() {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param hallmark    keys and store of the service
     * @param connections slow-loris connections (0: skip)
     * @param seconds     how long the trickle lasts per phase
     * @param out         where the tables go
     * @return 0, or 1 when a probe failed
     * @throws Exception when the service cannot start
     */
    public static int slowLoris(HallmarkConfig hallmark, Path work, int connections, int seconds, PrintStream out)
            throws Exception {
        String[] key = ApiKeys.create("attacker", Set.of(ApiKeys.VERIFY));
        Files.createDirectories(work);
        Path keys = Files.writeString(work.resolve("bench-keys.txt"), key[1] + "\n");
        int failed = 0;
        try (HallmarkService s = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0)
                .withApiKeys(keys, false), hallmark)) {
            URI u = URI.create(s.url());
            Probe idle = probe(s.url(), Duration.ofSeconds(3), () -> { });
            int threadsBefore = threads();
            long rssBefore = residentMb();
            out.printf("slow-loris: %d connections, each declaring 1 MiB and sending 1 byte every 5 s, for %d s;"
                    + " GET /health every 100 ms%n%n", connections, seconds);
            out.println("| phase | /health p50 | p99 | max | failed probes | attackers' answers | threads (peak) | RSS MB |");
            out.println("|---|---|---|---|---|---|---|---|");
            out.printf("| idle | %.1f ms | %.1f ms | %.1f ms | %d | - | %d | %d |%n", idle.percentile(50), idle.percentile(99),
                    idle.max(), idle.failed, threadsBefore, rssBefore);
            for (String phase : new String[] {"without a key", "with a valid key"}) {
                List<Socket> sockets = new ArrayList<>();
                List<String> answers = Collections.synchronizedList(new ArrayList<>());
                String auth = phase.equals("with a valid key") ? "Authorization: Bearer " + key[0] + "\r\n" : "";
                int[] peak = {threads()};
                try {
                    for (int i = 0; i < connections; i++) {
                        Socket socket = new Socket(u.getHost(), u.getPort());
                        socket.setSoTimeout(100);
                        socket.getOutputStream().write(("POST /v1/verifications HTTP/1.1\r\nHost: localhost\r\n" + auth
                                + "Content-Length: 1048576\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
                        sockets.add(socket);
                    }
                    long[] lastTrickle = {System.nanoTime()};
                    Probe during = probe(s.url(), Duration.ofSeconds(seconds), () -> {
                        peak[0] = Math.max(peak[0], threads());
                        if (System.nanoTime() - lastTrickle[0] > 5_000_000_000L) {
                            lastTrickle[0] = System.nanoTime();
                            for (Socket socket : sockets) {
                                trickle(socket, answers);
                            }
                        }
                    });
                    for (Socket socket : sockets) {
                        trickle(socket, answers);
                    }
                    failed += during.failed;
                    out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %d | %s | %d | %d |%n", phase, during.percentile(50),
                            during.percentile(99), during.max(), during.failed, summary(answers, connections), peak[0],
                            residentMb());
                } finally {
                    for (Socket socket : sockets) {
                        socket.close();
                    }
                }
            }
            Thread.sleep(2000);
            out.printf("| after | - | - | - | - | - | %d | %d |%n", threads(), residentMb());
        }
        return failed == 0 ? 0 : 1;
    }

    /** Sends one more byte, or records the answer the server already gave (the status line). */
    private static void trickle(Socket socket, List<String> answers) {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return;
        }
        try {
            byte[] line = new byte[12];
            int n = socket.getInputStream().read(line);
            if (n > 0) {
                String[] status = new String(line, 0, n, StandardCharsets.US_ASCII).split(" ");
                answers.add(status.length > 1 ? status[1].strip() : "?");
                socket.close();
                return;
            }
            if (n < 0) {
                answers.add("closed");
                socket.close();
                return;
            }
        } catch (java.net.SocketTimeoutException e) {
            // no answer yet: keep trickling
        } catch (Exception e) {
            answers.add("closed");
            closeQuietly(socket);
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write('x');
            out.flush();
        } catch (Exception e) {
            answers.add("closed");
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (Exception ignored) {
            // gone
        }
    }

    /** "401 x260" style counts of the attackers' answers, and how many were still trickling at the end. */
    private static String summary(List<String> answers, int connections) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        synchronized (answers) {
            answers.forEach(a -> counts.merge(a, 1L, Long::sum));
        }
        long answered = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(k).append(" x").append(v).append(", "));
        return s.append("still sending x").append(connections - answered).toString();
    }

    /**
     * @param postgres a PostgreSQL JDBC URL (its own schema is made in it: {@code currentSchema} is appended)
     * @param seconds  how long the database is cut off
     * @return 0, or 1 when an answer during the outage was not a prompt 503
     */
    public static int outage(HallmarkConfig hallmark, String postgres, int seconds, PrintStream out) throws Exception {
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        try (var c = java.sql.DriverManager.getConnection(postgres); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        URI target = URI.create(url.substring("jdbc:".length()));
        int bad = 0;
        try (TcpRelay relay = new TcpRelay(target.getHost(), target.getPort());
             HallmarkService s = HallmarkService.start(ServiceConfig.DEFAULT.listeningOn("127.0.0.1", 0),
                     hallmark.withStore(url.replace("//" + target.getHost() + ":" + target.getPort() + "/",
                             "//127.0.0.1:" + relay.port() + "/")))) {
            String manifest = s.url() + "/manifests/urn%3Auuid%3A00000000-0000-0000-0000-000000000000";
            Probe before = probe(s.url(), Duration.ofSeconds(2), () -> { });
            relay.cut();
            List<Double> times = Collections.synchronizedList(new ArrayList<>());
            java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String target2 = c % 2 == 0 ? s.url() + "/health" : manifest;
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = HTTP.send(HttpRequest.newBuilder(URI.create(target2)).timeout(Duration.ofSeconds(60))
                                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        times.add((System.nanoTime() - t0) / 1e6);
                        statuses.merge(status, 1, Integer::sum);
                        try {
                            Thread.sleep(100); // 10 requests a second per client, well inside the rate limit
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) {
                t.join();
            }
            relay.restore();
            long t0 = System.nanoTime();
            double recovered = -1;
            while (System.nanoTime() - t0 < 60_000_000_000L) {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    recovered = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                Thread.sleep(100);
            }
            Collections.sort(times);
            out.printf("%ndatabase outage: PostgreSQL cut off for %d s (through a loopback relay) under 4 clients reading"
                    + " /health and /manifests/{id}%n%n", seconds);
            out.println("| | answers | statuses | p50 | p99 | max |");
            out.println("|---|---|---|---|---|---|");
            out.printf("| before (store up) | %d | 200/404 | %.1f ms | %.1f ms | %.1f ms |%n", before.times.size(),
                    before.percentile(50), before.percentile(99), before.max());
            out.printf("| during the outage | %d | %s | %.1f ms | %.1f ms | %.1f ms |%n", times.size(), statuses,
                    pct(times, 50), pct(times, 99), times.isEmpty() ? 0 : times.get(times.size() - 1));
            out.printf("| after: first 200 from /health | | | %.1f s | | |%n", recovered);
            bad = statuses.entrySet().stream().filter(e -> e.getKey() != 503).mapToInt(java.util.Map.Entry::getValue).sum();
        }
        return bad == 0 ? 0 : 1;
    }

    private static final class Probe {
        final List<Double> times = new ArrayList<>();
        int failed;

        double percentile(int p) {
            return pct(times, p);
        }

        double max() {
            return times.isEmpty() ? Double.NaN : Collections.max(times);
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** GET /health every 100 ms for {@code duration} (5 s limit each; over it, or not 200/503, is a failure). */
    private static Probe probe(String url, Duration duration, Runnable between) throws Exception {
        Probe p = new Probe();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    p.failed++;
                }
            } catch (java.io.IOException e) {
                p.failed++;
            }
            p.times.add((System.nanoTime() - t0) / 1e6);
            between.run();
            Thread.sleep(100);
        }
        return p;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long residentMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }
}
