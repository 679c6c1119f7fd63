package io.hallmark.beam;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files one run of the job owns under its output prefix {@code DIR/NAME}: the results, dead letters and summary
 * ({@code NAME-results-SSSSS-of-NNNNN.jsonl|.parquet}, {@code NAME-deadletter-SSSSS-of-NNNNN.jsonl},
 * {@code NAME-summary.json}), and the run's private temporary folder {@code DIR/.NAME-temp-UUID/}, where Beam's
 * writers put their files before moving each into place (in the output folder, so that the move is a rename on one
 * file system and every worker sees it).
 *
 * <p>At the end of a batch run {@link ReplacePreviousRun} deletes what an earlier run of the same prefix left that
 * this run did not write (shards of a larger shard count, a dead-letter shard), this run's temporary folder, and the
 * temporary folders of earlier runs that were killed; it deletes only names of exactly those forms, nothing else in
 * the folder.
 */
final class RunOutputs implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RunOutputs.class);
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final String directory;
    private final String name;
    private final String run;

    private RunOutputs(String directory, String name, String run) {
        this.directory = directory;
        this.name = name;
        this.run = run;
    }

    /**
     * @param output the job's {@code --output} prefix, on any registered Beam file system
     * @return the outputs of a new run (a new temporary folder name) under that prefix
     * @throws IllegalArgumentException when the prefix names a folder rather than a file name prefix
     */
    static RunOutputs of(String output) {
        ResourceId prefix = FileSystems.matchNewResource(output, false);
        String name = prefix.getFilename();
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("--output must end in a file name prefix, e.g. /data/scan/out: " + output);
        }
        return new RunOutputs(prefix.getCurrentDirectory().toString(), name, UUID.randomUUID().toString());
    }

    /** The folder the outputs are written to. */
    ResourceId directory() {
        return FileSystems.matchNewResource(directory, true);
    }

    /** The prefix's last part, {@code NAME}. */
    String name() {
        return name;
    }

    /** This run's private temporary folder, {@code DIR/.NAME-temp-UUID/}. */
    ResourceId tempDirectory() {
        return directory().resolve("." + name + "-temp-" + run, StandardResolveOptions.RESOLVE_DIRECTORY);
    }

    /** Whether a file name in the output folder is one a batch run of this prefix writes. */
    boolean isOwnOutput(String fileName) {
        String n = Pattern.quote(name);
        return fileName.matches(n + "-results-\\d{5,}-of-\\d{5,}\\.(jsonl|parquet)")
                || fileName.matches(n + "-deadletter-\\d{5,}-of-\\d{5,}\\.jsonl")
                || fileName.equals(name + "-summary.json");
    }

    /** Whether a folder name in the output folder is the temporary folder of a run of this prefix. */
    boolean isOwnTempFolder(String folderName) {
        return folderName.matches("\\." + Pattern.quote(name) + "-temp-" + UUID_FORM);
    }

    /**
     * Deletes the prefix's outputs that are not in {@code written}, then this run's temporary folder and those that
     * killed runs of the prefix left.
     *
     * @param written the file names (last part) this run wrote
     * @return what was deleted, file names and folders
     * @throws IOException when the folder cannot be listed or a file cannot be deleted
     */
    List<String> replacePrevious(Set<String> written) throws IOException {
        List<String> deleted = new ArrayList<>();
        // a name with glob characters is listed with the whole folder and filtered here
        String glob = name.matches(".*[*?\\[\\]{}\\\\].*") ? "*" : name + "-*";
        MatchResult match = FileSystems.match(directory().resolve(glob, StandardResolveOptions.RESOLVE_FILE).toString(),
                EmptyMatchTreatment.ALLOW);
        List<ResourceId> stale = new ArrayList<>();
        if (match.status() == MatchResult.Status.OK) {
            for (MatchResult.Metadata m : match.metadata()) {
                ResourceId file = m.resourceId();
                // the local file system lists sub-folders' files too: only the output folder's own count
                if (file.getCurrentDirectory().toString().equals(directory().toString()) && file.getFilename() != null
                        && isOwnOutput(file.getFilename()) && !written.contains(file.getFilename())) {
                    stale.add(file);
                }
            }
        }
        FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        stale.forEach(f -> deleted.add(f.getFilename()));
        if ("file".equals(directory().getScheme())) {
            // Beam deletes its temporary files; on a local file system the folders stay. Object stores have none.
            Path folder = Path.of(directory);
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path temp : entries.filter(p -> Files.isDirectory(p) && isOwnTempFolder(p.getFileName().toString()))
                        .toList()) {
                    deleteTree(temp);
                    deleted.add(temp.getFileName() + "/");
                }
            }
        }
        return deleted;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Every file name written, gathered into one list. */
    static final class AllNames extends org.apache.beam.sdk.transforms.Combine.CombineFn<String, List<String>, List<String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> createAccumulator() {
            return new ArrayList<>();
        }

        @Override
        public List<String> addInput(List<String> names, String name) {
            names.add(name);
            return names;
        }

        @Override
        public List<String> mergeAccumulators(Iterable<List<String>> accumulators) {
            List<String> all = new ArrayList<>();
            accumulators.forEach(all::addAll);
            return all;
        }

        @Override
        public List<String> extractOutput(List<String> names) {
            return names;
        }
    }

    /**
     * The last step of a batch run: given every file name the run's writers wrote (one element, after all of them
     * finished), deletes what earlier runs of the prefix left that this run did not replace, and the temporary
     * folders ({@link #replacePrevious}).
     */
    static final class ReplacePreviousRun extends DoFn<List<String>, Void> {
        private static final long serialVersionUID = 1L;
        private final RunOutputs outputs;

        ReplacePreviousRun(RunOutputs outputs) {
            this.outputs = outputs;
        }

        @ProcessElement
        public void process(@Element List<String> writtenFiles) {
            Set<String> written = new HashSet<>();
            for (String f : writtenFiles) {
                written.add(FileSystems.matchNewResource(f, false).getFilename());
            }
            try {
                List<String> deleted = outputs.replacePrevious(written);
                if (!deleted.isEmpty()) {
                    LOG.info("{}: removed the files of an earlier run that this one did not replace, and temporary folders: {}",
                            outputs.name(), deleted);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the files of an earlier run of " + outputs.name(), e);
            }
        }
    }
}
