package io.hallmark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hallmark} command: provenance for AI-generated video. */
@Command(name = "hallmark", mixinStandardHelpOptions = true, versionProvider = Hallmark.Version.class,
        description = {"Puts provenance into AI-generated video (invisible watermark + signed C2PA manifest) and checks it on any file.", ""},
        subcommands = {DemoCommand.class, GenerateCommand.class, EmbedCommand.class, DetectCommand.class,
            SignCommand.class, CertifyCommand.class, VerifyCommand.class, ScanCommand.class, KeysCommand.class,
            StoreCommand.class, ServeCommand.class,
            TsaCommand.class, TrustCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success (verify: every file signed or recovered)",
            "  1  error (unreadable input, failed operation)",
            "  2  bad command line",
            "  3  verify: watermark only or no provenance; detect: no watermark",
            "  4  verify: tampered (a manifest does not validate)",
            "  5  verify: copied watermark (its manifest describes other content)",
            "  6  verify: cannot be verified (remote manifest not fetched, pre-release, unsupported algorithm,",
            "     signer's certificate expired since with no time-stamp)",
            "  7  verify: credentials damaged (a C2PA manifest is there but cannot be read)",
            "",
            "Environment: HALLMARK_HOME (keys, watermark key, manifest store; default ~/.hallmark), HALLMARK_KEY_PASSWORD (password of the development keys), NO_COLOR, HALLMARK_DEBUG=1 (stack traces)."})
public final class Hallmark extends ParentCommand {
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams (tests capture them) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } catch (LinkageError | VirtualMachineError e) {
            // a broken installation or an exhausted JVM: one line, a distinct exit code, no stack trace
            err.println("hallmark: internal error: " + e);
            err.flush();
            return ExitCodes.ERROR;
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Hallmark());
        // "@LIST" is scan's own list syntax; picocli would otherwise expand it as an argument file first.
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // People get one line naming the cause, not a stack trace (HALLMARK_DEBUG=1 shows it).
            commandLine.getErr().println("hallmark: " + message(e));
            if (System.getenv("HALLMARK_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.ERROR;
        });
        return cli;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String c2pa;
            try {
                c2pa = io.hallmark.c2pa.C2pa.version();
            } catch (RuntimeException e) {
                c2pa = "c2pa library not loaded: " + e.getMessage();
            }
            return new String[] {"hallmark " + io.hallmark.provenance.manifest.ManifestSpec.VERSION, c2pa};
        }
    }
}
