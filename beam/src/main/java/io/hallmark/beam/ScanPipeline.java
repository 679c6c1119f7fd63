package io.hallmark.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The upload scan as a Beam pipeline: match the files ({@code input} patterns or an {@code inputList}; a pattern
 * that matches nothing is a dead letter), spread them over the workers ({@link Reshuffle}), verify each
 * ({@link VerifyFn}), and write the reports as sharded JSONL with the schema of {@code hallmark scan --jsonl} and as
 * Parquet ({@link ReportRecords}: the main fields as columns, the whole report in one), the dead letters, and a
 * summary of counts per verdict. File names are fixed by the output prefix and shard count, and a batch job ends by
 * deleting what an earlier run of the same prefix left that it did not replace ({@link RunOutputs}), so running a
 * job again replaces its results instead of adding to them, whatever the shard counts of either run. Beam's
 * writers keep their temporary files in a folder of the run's own, deleted at the end.
 */
public final class ScanPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanPipeline() {}

    /**
     * @param options the job's options
     * @return the pipeline, ready to run
     * @throws IllegalArgumentException when no input or no output is given
     */
    public static Pipeline build(ScanOptions options) {
        if (options.getOutput() == null || options.getOutput().isBlank()) {
            throw new IllegalArgumentException("--output=PREFIX is required");
        }
        boolean streaming = !blank(options.getWatch());
        if (streaming && !(blank(options.getInput()) && blank(options.getInputList()))) {
            throw new IllegalArgumentException("--watch is a streaming job of its own: give it without --input/--inputList");
        }
        if (!streaming && blank(options.getInput()) && blank(options.getInputList())) {
            throw new IllegalArgumentException("give --input=PATTERNS, --inputList=FILE or --watch=PATTERN");
        }
        if (options.getShards() < 1) {
            throw new IllegalArgumentException("--shards must be at least 1");
        }
        Pipeline p = Pipeline.create(options);
        List<PCollection<String>> specs = new java.util.ArrayList<>();
        if (!blank(options.getInput())) {
            specs.add(p.apply("Patterns", Create.of(split(options.getInput()))));
        }
        if (!blank(options.getInputList())) {
            specs.add(p.apply("Read list", TextIO.read().from(options.getInputList()))
                    .apply("Drop blank lines", Filter.by((SerializableFunction<String, Boolean>) line -> !line.isBlank()))
                    .apply("Trim", MapElements.into(TypeDescriptors.strings()).via(String::strip)));
        }
        PCollection<MatchResult.Metadata> files;
        List<PCollection<String>> letters = new java.util.ArrayList<>();
        if (streaming) {
            // each file that appears is emitted once; results leave each window on processing time
            org.joda.time.Duration window = org.joda.time.Duration.standardSeconds(options.getWindowSeconds());
            files = p.apply("Watch", org.apache.beam.sdk.io.FileIO.match().filepattern(options.getWatch())
                            .continuously(org.joda.time.Duration.standardSeconds(options.getWatchIntervalSeconds()),
                                    org.apache.beam.sdk.transforms.Watch.Growth.never()))
                    .apply("Windows", org.apache.beam.sdk.transforms.windowing.Window.into(
                            org.apache.beam.sdk.transforms.windowing.FixedWindows.of(window)));
        } else {
            PCollectionTuple matched = PCollectionList.of(specs).apply("All patterns", Flatten.pCollections())
                    .apply("Match", ParDo.of(new MatchFn()).withOutputTags(VerifyFn.FILES, TupleTagList.of(VerifyFn.DEAD_LETTERS)));
            letters.add(matched.get(VerifyFn.DEAD_LETTERS));
            // a file named by two patterns is verified once
            files = matched.get(VerifyFn.FILES).apply("Once per file", Distinct.withRepresentativeValueFn(
                    (SerializableFunction<MatchResult.Metadata, String>) m -> m.resourceId().toString())
                    .withRepresentativeType(TypeDescriptors.strings()));
        }
        VerifyFn.Settings settings = new VerifyFn.Settings(options.getHallmarkHome(), options.getStore(),
                blank(options.getResolvers()) ? List.of() : split(options.getResolvers()),
                options.getPerFileTimeoutSeconds(), options.getLookupTimeoutSeconds(), options.getMaxFileBytes(),
                blank(options.getWorkerCommand()) ? List.of() : List.of(options.getWorkerCommand().strip().split("\\s+")));
        PCollectionTuple verified = files.apply("Spread over workers", Reshuffle.viaRandomKey())
                .apply("Verify", ParDo.of(new VerifyFn(settings))
                        .withOutputTags(VerifyFn.REPORTS, TupleTagList.of(VerifyFn.DEAD_LETTERS)));
        PCollection<String> reports = verified.get(VerifyFn.REPORTS);
        String out = options.getOutput();
        RunOutputs outputs = RunOutputs.of(out);
        ResourceId temp = outputs.tempDirectory();
        List<PCollection<KV<Void, String>>> written = new java.util.ArrayList<>();
        written.add(reports.apply("Write reports", jsonl(out + "-results", options.getShards(), streaming, temp))
                .getPerDestinationOutputFilenames());
        FileIO.Write<Void, GenericRecord> parquet = FileIO.<GenericRecord>write()
                .via(ParquetIO.sink(ReportRecords.SCHEMA))
                .to(outputs.directory().toString()).withPrefix(outputs.name() + "-results").withSuffix(".parquet")
                .withNumShards(options.getShards()).withTempDirectory(temp.toString());
        if (!streaming) {
            parquet = everyShard(parquet);
        }
        written.add(reports.apply("As rows", ParDo.of(new ReportRecords()))
                .setCoder(org.apache.beam.sdk.extensions.avro.coders.AvroCoder.of(ReportRecords.SCHEMA))
                .apply("Write Parquet", parquet)
                .getPerDestinationOutputFilenames());
        letters.add(verified.get(VerifyFn.DEAD_LETTERS));
        written.add(PCollectionList.of(letters).apply("All dead letters", Flatten.pCollections())
                .apply("Write dead letters", jsonl(out + "-deadletter", 1, streaming, temp))
                .getPerDestinationOutputFilenames());
        Combine.Globally<KV<String, Long>, String> summary = Combine.globally(new Summary());
        written.add(reports.apply("Verdicts", MapElements.into(TypeDescriptors.strings()).via(ScanPipeline::verdictOf))
                .apply("Count per verdict", Count.perElement())
                // a batch job with no report still writes its summary (files: 0); a window without one writes none
                .apply("Summary", streaming ? summary.withoutDefaults() : summary)
                .apply("Write summary", (streaming
                        ? TextIO.write().to(out + "-summary-").withSuffix(".json").withWindowedWrites().withNumShards(1)
                        : TextIO.write().to(out + "-summary").withSuffix(".json").withoutSharding())
                        .withTempDirectory(temp).<Void>withOutputFilenames())
                .getPerDestinationOutputFilenames());
        if (!streaming) {
            // once every writer has moved its files into place: delete what an earlier run of the prefix left that
            // this one did not replace, and the temporary folder
            PCollectionList.of(written).apply("All written", Flatten.pCollections())
                    .apply("File names", Values.create())
                    .apply("After every write", Combine.globally(new RunOutputs.AllNames()))
                    .apply("Replace the previous run", ParDo.of(new RunOutputs.ReplacePreviousRun(outputs)));
        }
        return p;
    }

    private static TextIO.TypedWrite<String, Void> jsonl(String prefix, int shards, boolean streaming, ResourceId temp) {
        // windowed names are PREFIX-WINDOW-PANE-SSSSS-of-NNNNN (Beam appends the window to the prefix as it is)
        TextIO.Write write = TextIO.write().to(streaming ? prefix + "-" : prefix).withSuffix(".jsonl").withNumShards(shards)
                .withTempDirectory(temp);
        return (streaming ? write.withWindowedWrites() : write).withOutputFilenames();
    }

    /**
     * A batch job's Parquet writer that writes every one of its shards, empty ones included, as TextIO does. FileIO
     * writes per window by default, and a windowed write creates no empty shard: a shard left empty by a re-run would
     * keep the earlier run's file. (The method is deprecated for its effects on windowed input; the batch input here
     * is in the global window.)
     */
    @SuppressWarnings("deprecation")
    private static FileIO.Write<Void, GenericRecord> everyShard(FileIO.Write<Void, GenericRecord> write) {
        return write.withIgnoreWindowing();
    }

    static String verdictOf(String reportJson) {
        try {
            return JSON.readTree(reportJson).path("verdict").asText("ERROR");
        } catch (IOException e) {
            return "ERROR";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {"files": N, "verdicts": {"SIGNED": n, ...}} from the counts per verdict. */
    static final class Summary extends Combine.CombineFn<KV<String, Long>, TreeMap<String, Long>, String> {
        @Override
        public TreeMap<String, Long> createAccumulator() {
            return new TreeMap<>();
        }

        @Override
        public TreeMap<String, Long> addInput(TreeMap<String, Long> acc, KV<String, Long> count) {
            acc.merge(count.getKey(), count.getValue(), Long::sum);
            return acc;
        }

        @Override
        public TreeMap<String, Long> mergeAccumulators(Iterable<TreeMap<String, Long>> accumulators) {
            TreeMap<String, Long> all = new TreeMap<>();
            for (TreeMap<String, Long> a : accumulators) {
                a.forEach((k, v) -> all.merge(k, v, Long::sum));
            }
            return all;
        }

        @Override
        public String extractOutput(TreeMap<String, Long> acc) {
            ObjectNode summary = JSON.createObjectNode().put("schema", "hallmark.scan-summary/1")
                    .put("files", acc.values().stream().mapToLong(Long::longValue).sum());
            ObjectNode verdicts = summary.putObject("verdicts");
            for (Map.Entry<String, Long> e : acc.entrySet()) {
                verdicts.put(e.getKey(), e.getValue());
            }
            return summary.toString();
        }
    }
}
