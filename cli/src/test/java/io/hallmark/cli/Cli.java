package io.hallmark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process with captured output, as picocli's own tests do. */
record Cli(int exitCode, String out, String err) {
    static Cli run(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (home != null && all.size() > 0) {
            all.add("--home");
            all.add(home.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hallmark.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
