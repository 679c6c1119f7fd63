package io.hallmark.cli;

import io.hallmark.HallmarkHome;
import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.provenance.store.ContentResolver;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingServer;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.VerifierContentResolver;
import io.hallmark.verify.isolation.IsolatedInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "store", mixinStandardHelpOptions = true, description = "The manifest store (every manifest we signed).",
        subcommands = {StoreCommand.Serve.class, StoreCommand.Info.class})
final class StoreCommand extends ParentCommand {

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Where the store is and how many manifests it holds.")
    static final class Info implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "PATH", description = "SQLite file (default HOME/manifests.db).")
        Path store;

        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path path = store != null ? store : home.resolve().manifestStore();
            try (ManifestStore s = ManifestStore.open(path)) {
                spec.commandLine().getOut().printf("%s: %d manifests%n", path, s.count());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Serve the store as a C2PA Soft Binding Resolution API on 127.0.0.1:",
                "GET /matches/byBinding?alg=io.hallmark.watermark.1&value=BASE64 (or a content fingerprint),",
                "POST /matches/byContent (the file as the body: watermark, store-assisted ID, fingerprint; uses HOME's",
                "watermark key when there is one), GET /manifests/{id}, GET /services/supportedAlgorithms.",
                "Verifiers elsewhere use it with: hallmark verify --store URL."})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8470", description = "Port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--store", paramLabel = "PATH", description = "SQLite file (default HOME/manifests.db).")
        Path store;

        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path path = store != null ? store : home.resolve().manifestStore();
            HallmarkHome h = home.resolve();
            ManifestStore s = ManifestStore.open(path);
            // byContent needs the watermark key: only a key holder can answer it (never create one here)
            Optional<ContentResolver> resolver = Optional.empty();
            if (Files.isRegularFile(h.watermarkKey())) {
                Verifier verifier = Hallmark.open(HallmarkConfig.of(h).withStore(path.toString())).newVerifier(1);
                resolver = Optional.of(new VerifierContentResolver(verifier));
            }
            SoftBindingServer server = SoftBindingServer.start(s, port, resolver);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            spec.commandLine().getOut().println("Soft Binding Resolution API at " + server.url()
                    + (resolver.isPresent() ? "" : " (byContent off: no watermark key in " + h.watermarkKey() + ")")
                    + " (Ctrl-C to stop)");
            spec.commandLine().getOut().flush();
            stop.await();
            return ExitCodes.OK;
        }
    }
}
