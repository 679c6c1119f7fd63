package io.hallmark.cli;

import io.hallmark.HallmarkHome;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option shared by every command that needs keys or the manifest store. */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Hallmark folder with keys and the manifest store (default: $HALLMARK_HOME or ~/.hallmark).")
    Path home;

    public HallmarkHome resolve() throws IOException {
        return HallmarkHome.resolve(home);
    }
}
