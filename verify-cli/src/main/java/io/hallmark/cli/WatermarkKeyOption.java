package io.hallmark.cli;

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

    public WatermarkKey load() throws IOException {
        return load(keyFile, home.resolve());
    }

    /** The key file (the home folder's is created on first use; a named one must exist). */
    public Path path() throws IOException {
        load();
        return keyFile != null ? keyFile : home.resolve().watermarkKey();
    }

    /** {@code keyFile} when given (it must exist), else the home folder's key, created on first use. */
    static WatermarkKey load(Path keyFile, HallmarkHome home) throws IOException {
        return keyFile != null ? WatermarkKey.load(keyFile) : WatermarkKey.loadOrCreate(home.watermarkKey());
    }
}
