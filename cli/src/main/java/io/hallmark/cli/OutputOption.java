package io.hallmark.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code -o/--output} option of a command that writes a file, with the checks every such command owes
 * its user before any work starts: an existing file is never replaced without {@code --force} (a signed
 * original was once replaced by an unsigned copy of another clip), the folder must already exist (a typo
 * must not create folders), the output is not the input, and the name's extension says what is written.
 * A failed check is a usage error (exit 2) naming the file.
 */
final class OutputOption {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output file. An existing file is refused unless --force; its folder must exist.")
    Path path;

    @Option(names = "--force", description = "Replace OUT if it already exists.")
    boolean force;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * The output path, checked against {@code input} (null when there is none). {@code extensions}: the
     * lower-case extensions (without the dot) the command's output format may carry; none: any.
     */
    Path checked(Path input, String... extensions) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw fail(path + ": the folder " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw fail(path + " is a folder: give the output file's name");
        }
        if (input != null && Files.exists(input) && Files.exists(path)) {
            try {
                if (Files.isSameFile(input, path)) {
                    throw fail(path + " is the input: inputs are never modified, write the output elsewhere");
                }
            } catch (java.io.IOException e) {
                // cannot tell: the existence check below still applies
            }
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw fail(path + " already exists: choose another name, or add --force to replace it");
        }
        if (extensions.length > 0) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            if (Arrays.stream(extensions).noneMatch(ext::equals)) {
                throw fail(path + ": this command writes " + String.join("/", extensions).toUpperCase(Locale.ROOT)
                        + "; name the output ." + extensions[0]);
            }
        }
        return path;
    }

    private ParameterException fail(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
