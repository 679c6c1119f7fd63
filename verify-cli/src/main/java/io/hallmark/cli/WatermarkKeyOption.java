package io.hallmark.cli;

import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --key FILE} (default: the home folder's watermark key, created on first use) and {@code --home}. */
public final class WatermarkKeyOption {
    @Option(names = "--key", paramLabel = "FILE", description = "Watermark key file (default: HOME/watermark.key).")
    Path keyFile;

    @Mixin
    HomeOption home;

    public WatermarkKey load() throws IOException {
        return WatermarkKey.loadOrCreate(path());
    }

    /** The key file (created on first use). */
    public Path path() throws IOException {
        Path p = keyFile != null ? keyFile : home.resolve().watermarkKey();
        WatermarkKey.loadOrCreate(p);
        return p;
    }

    /** {@code keyFile} when given, else the home folder's key (for commands whose --home comes from another mixin). */
    static WatermarkKey load(Path keyFile, HallmarkHome home) throws IOException {
        return WatermarkKey.loadOrCreate(keyFile != null ? keyFile : home.watermarkKey());
    }
}
