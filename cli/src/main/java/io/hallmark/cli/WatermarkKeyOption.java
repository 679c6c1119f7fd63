package io.hallmark.cli;

import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --key FILE} (default: the home folder's watermark key, created on first use) and {@code --home}.
 * A key file named with {@code --key} must exist: making up a new key for it would make every verdict
 * silently "no watermark".
 */
public final class WatermarkKeyOption {
    @Option(names = "--key", paramLabel = "FILE", description = "Watermark key file (default: HOME/watermark.key).")
    Path keyFile;

    @Mixin
    HomeOption home;

    /** The configuration these options describe (defaults for the rest). */
    public HallmarkConfig config() throws IOException {
        HallmarkConfig config = HallmarkConfig.of(home.resolve());
        return keyFile == null ? config : config.withWatermarkKey(keyFile);
    }

    public WatermarkKey load() throws IOException {
        return Hallmark.open(config()).watermarkKey();
    }
}
