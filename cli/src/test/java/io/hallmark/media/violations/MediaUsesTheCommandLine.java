package io.hallmark.media.violations;

/** A "media" class that uses the command line, against the module direction, on purpose (ArchitectureRulesCanFailTest). */
public class MediaUsesTheCommandLine {
    public Class<?> exitCodes() {
        return io.hallmark.cli.ExitCodes.class;
    }
}
