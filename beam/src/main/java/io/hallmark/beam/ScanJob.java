package io.hallmark.beam;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the scan pipeline from the command line ({@code scripts/hallmark-beam}):
 * {@code --runner=DirectRunner|FlinkRunner --input=PATTERNS --output=PREFIX [--store=URL] ...} ({@link ScanOptions}
 * and Beam's own options; {@code --help=ScanOptions} lists them). Waits for a batch job, prints its counters, and
 * exits 0; a bad option exits 2.
 */
public final class ScanJob {
    private ScanJob() {}

    public static void main(String[] args) {
        PipelineOptionsFactory.register(ScanOptions.class);
        ScanOptions options;
        try {
            options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ScanOptions.class);
        } catch (IllegalArgumentException e) {
            System.err.println("hallmark-beam: " + e.getMessage());
            System.exit(2);
            return;
        }
        PipelineResult result;
        try {
            result = ScanPipeline.build(options).run();
        } catch (IllegalArgumentException e) {
            System.err.println("hallmark-beam: " + e.getMessage());
            System.exit(2);
            return;
        }
        PipelineResult.State state = result.waitUntilFinish();
        MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
        for (MetricResult<Long> c : metrics.getCounters()) {
            System.out.println(c.getName().getName() + " " + c.getAttempted());
        }
        System.out.println("job " + state);
        System.exit(state == PipelineResult.State.DONE ? 0 : 1);
    }
}
