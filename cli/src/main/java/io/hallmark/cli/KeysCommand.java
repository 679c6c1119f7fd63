package io.hallmark.cli;

import io.hallmark.HallmarkHome;
import io.hallmark.keys.DevPki;
import io.hallmark.keys.SigningAlgorithm;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"The development PKI (root CA -> intermediate -> claim signer) in HOME/pki.",
            "Private keys are encrypted at rest and never printed."},
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.Rotate.class})
final class KeysCommand extends ParentCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create the development PKI (if missing).")
    static final class Init implements Callable<Integer> {
        @Option(names = "--alg", defaultValue = "es256", description = "Claim signing algorithm: es256, es384, ps256, ed25519.")
        String algorithm;

        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            boolean existed = Files.exists(h.pki().resolve("signer.p12"));
            DevPki pki = h.devPki(SigningAlgorithm.parse(algorithm));
            spec.commandLine().getOut().println((existed ? "Already initialised. " : "Created. ") + pki.describe());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Describe the certificates (no key material).")
    static final class Show implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            if (!Files.exists(h.pki().resolve("signer.p12"))) {
                spec.commandLine().getErr().println("No development PKI in " + h.pki() + ": run 'hallmark keys init'.");
                return ExitCodes.ERROR;
            }
            spec.commandLine().getOut().println(h.devPki().describe());
            return ExitCodes.OK;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Replace the claim-signing key and certificate; the old one is archived.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            DevPki rotated = home.resolve().devPki().rotate();
            spec.commandLine().getOut().println("Rotated. " + rotated.describe());
            return ExitCodes.OK;
        }
    }
}
