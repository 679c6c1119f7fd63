package io.hallmark.cli;

import io.hallmark.HallmarkHome;
import io.hallmark.media.OutputFiles;
import io.hallmark.provenance.TrustList;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"The trust lists a verification uses.",
            "By default: the official C2PA trust list (claim signers) and TSA trust list shipped with Hallmark "
                    + "(C2PA Conformance Program, CC BY 4.0). 'update' installs newer lists into the Hallmark home folder."},
        subcommands = {TrustCommand.Show.class, TrustCommand.Update.class})
final class TrustCommand extends ParentCommand {
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Which lists are in use, and how many anchors each holds.")
    static final class Show implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            HallmarkHome h = home.resolve();
            PrintWriter out = spec.commandLine().getOut();
            TrustList claims = h.c2paTrustList();
            out.printf("claim signers:    %s, %d anchors%n", claims.name(), claims.certificates().size());
            TrustList tsaList = h.tsaTrustList();
            out.printf("time-stamping:    %s, %d anchors%n", tsaList.name(), tsaList.certificates().size());
            out.printf("development root: trusted only with --trust-local-root%n");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Install newer C2PA trust lists (PEM bundles, e.g. from github.com/c2pa-org/conformance-public).",
                "Each file is checked first: every block must be a certificate; nothing is installed otherwise."})
    static final class Update implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LIST.pem", description = "The C2PA trust list (claim signers).")
        Path list;

        @Option(names = "--tsa", paramLabel = "TSA-LIST.pem", description = "The C2PA TSA trust list.")
        Path tsaList;

        @Mixin
        HomeOption home;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TrustList claims = TrustList.fromFile(list, "C2PA trust list");
            TrustList tsa = tsaList == null ? null : TrustList.fromFile(tsaList, "C2PA TSA trust list");
            Path dir = Files.createDirectories(home.resolve().trustFolder());
            OutputFiles.writeString(dir.resolve(HallmarkHome.CLAIM_LIST_FILE), claims.pem());
            if (tsa != null) {
                OutputFiles.writeString(dir.resolve(HallmarkHome.TSA_LIST_FILE), tsa.pem());
            }
            spec.commandLine().getOut().printf("installed: %d claim-signer anchors%s into %s%n", claims.certificates().size(),
                    tsa == null ? "" : ", " + tsa.certificates().size() + " TSA anchors", dir);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
