package io.hallmark.verify.isolation;

import io.hallmark.verify.VideoInspector.Inspection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Worker processes that misbehave the way a decoder can, for {@link IsolatedInspectorTest}. */
final class FakeWorkers {
    private FakeWorkers() {}

    /** Reads the key and the request, then never answers (a decoder stuck in a loop). */
    static final class Hang {
        public static void main(String[] args) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            in.readLine();
            in.readLine();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Says why on stderr and dies the way a native crash does (SIGABRT's exit code). */
    static final class Crash {
        public static void main(String[] args) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            in.readLine();
            in.readLine();
            System.err.println("simulated decoder crash: corrupt slice header");
            System.err.flush();
            Runtime.getRuntime().halt(134);
        }
    }

    /** Allocates until the heap limit the inspector gave it is reached (a decoder that balloons on a hostile file). */
    static final class Greedy {
        public static void main(String[] args) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            in.readLine();
            in.readLine();
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }

    /** Answers every request with a well-formed failed inspection naming itself: proves a fresh worker served. */
    static final class Polite {
        public static void main(String[] args) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            in.readLine();
            while (in.readLine() != null) {
                System.out.println(InspectionCodec.encode(Inspection.failed("answered by a fresh worker")));
                System.out.flush();
            }
        }
    }
}
