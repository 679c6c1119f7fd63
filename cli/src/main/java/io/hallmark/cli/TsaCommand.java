package io.hallmark.cli;

import io.hallmark.HallmarkHome;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.LocalTsa;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tsa", mixinStandardHelpOptions = true, description = "RFC 3161 time-stamp authority.",
        subcommands = TsaCommand.Serve.class)
final class TsaCommand extends ParentCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Serve time-stamps on 127.0.0.1 with a TSA certificate from the development PKI,",
                "for tests and air-gapped signing: hallmark sign --tsa URL ... Stops on Ctrl-C."})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "3161", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int port;

        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            DevPki pki = home.resolve().devPki();
            LocalTsa tsa = LocalTsa.start(pki, port); // the PKI's stored TSA certificate: the same on every start
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                tsa.close();
                stop.countDown();
            }));
            spec.commandLine().getOut().println("Time-stamp authority at " + tsa.url() + " (Ctrl-C to stop)");
            spec.commandLine().getOut().flush();
            stop.await();
            return ExitCodes.OK;
        }
    }
}
