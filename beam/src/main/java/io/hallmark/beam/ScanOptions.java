package io.hallmark.beam;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The scan job's options, given as {@code --name=value} on the command line ({@link ScanJob}) next to Beam's own
 * ({@code --runner=DirectRunner|FlinkRunner}, {@code --flinkMaster=host:port}, {@code --parallelism=N}, ...).
 * The files are named by {@code input} and/or {@code inputList}, or, for a streaming job, {@code watch}.
 */
public interface ScanOptions extends PipelineOptions {
    @Description("File patterns to verify, comma-separated, on any Beam FileSystem (local or NFS paths; gs://, s3:// with "
            + "Beam's GCP or AWS file system modules on the class path), e.g. /data/uploads/**/*.mp4")
    String getInput();

    void setInput(String value);

    @Description("A text file (on any Beam FileSystem) listing one file or pattern per line")
    String getInputList();

    void setInputList(String value);

    @Description("A pattern watched for new files, instead of --input/--inputList: a streaming job (run it with "
            + "--streaming) that verifies each file as it appears, once, and writes results per window")
    String getWatch();

    void setWatch(String value);

    @Description("Seconds between two looks at the watched pattern")
    @Default.Integer(10)
    int getWatchIntervalSeconds();

    void setWatchIntervalSeconds(int value);

    @Description("A watched job writes its results per window of this many seconds")
    @Default.Integer(60)
    int getWindowSeconds();

    void setWindowSeconds(int value);

    @Description("Where results go, DIR/PREFIX: PREFIX-results-SSSSS-of-NNNNN.jsonl and .parquet, "
            + "PREFIX-deadletter-00000-of-00001.jsonl, PREFIX-summary.json (a batch job run again replaces the files an "
            + "earlier run of that prefix wrote, whatever the shard counts: nothing is duplicated)")
    String getOutput();

    void setOutput(String value);

    @Description("Result files written (shards)")
    @Default.Integer(4)
    int getShards();

    void setShards(int value);

    @Description("The Hallmark folder every worker reads: trust lists, and the watermark key when this job holds it "
            + "(default: $HALLMARK_HOME or ~/.hallmark on each worker)")
    String getHallmarkHome();

    void setHallmarkHome(String value);

    @Description("The shared manifest store for recovery: a jdbc:postgresql:... URL or the URL of a Soft Binding "
            + "Resolution service (hallmark serve); never a per-worker SQLite file")
    String getStore();

    void setStore(String value);

    @Description("Resolver services (hallmark serve) that hold publishers' watermark keys, comma-separated")
    String getResolvers();

    void setResolvers(String value);

    @Description("Seconds one file may take to decode in its isolated worker process; past it the file is reported "
            + "as not decodable and the job goes on")
    @Default.Integer(300)
    int getPerFileTimeoutSeconds();

    void setPerFileTimeoutSeconds(int value);

    @Description("Seconds one look-up at the store or a resolver may take, bodies included; past it the file gets no "
            + "verdict now (retried, then a dead letter), never 'no provenance'")
    @Default.Integer(30)
    int getLookupTimeoutSeconds();

    void setLookupTimeoutSeconds(int value);

    @Description("Largest file copied to a worker from a remote file system, bytes")
    @Default.Long(4L << 30)
    long getMaxFileBytes();

    void setMaxFileBytes(long value);

    @Description("The command that starts a decoder worker process on a worker machine (words separated by spaces), "
            + "e.g. a container entry point; by default the worker's own java with its class path")
    String getWorkerCommand();

    void setWorkerCommand(String value);
}
