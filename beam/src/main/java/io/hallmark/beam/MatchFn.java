package io.hallmark.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Expands one pattern or listed file into the files it names. A pattern that names nothing (a listed file that is
 * gone, a typo) goes to {@link VerifyFn#DEAD_LETTERS} with the reason: a platform's list of uploads must not lose an
 * entry silently, as {@code FileIO.matchAll} with empty matches allowed would.
 */
final class MatchFn extends DoFn<String, MatchResult.Metadata> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final org.apache.beam.sdk.metrics.Counter deadLetters =
            org.apache.beam.sdk.metrics.Metrics.counter(VerifyFn.class, "deadLetters");

    @ProcessElement
    public void process(@Element String spec, MultiOutputReceiver out) {
        try {
            MatchResult match = FileSystems.match(spec, EmptyMatchTreatment.ALLOW_IF_WILDCARD);
            if (match.status() == MatchResult.Status.NOT_FOUND) {
                throw new IOException("no such file");
            }
            if (match.status() != MatchResult.Status.OK) {
                throw new IOException("cannot be listed (" + match.status() + ")");
            }
            int found = 0;
            for (MatchResult.Metadata m : match.metadata()) {
                if (!m.resourceId().isDirectory()) {
                    out.get(VerifyFn.FILES).output(m);
                    found++;
                }
            }
            if (found == 0) {
                throw new IOException("the pattern matched no file");
            }
        } catch (IOException | IllegalArgumentException e) {
            deadLetters.inc();
            out.get(VerifyFn.DEAD_LETTERS).output(JSON.createObjectNode().put("file", spec)
                    .put("reason", e.getMessage()).toString());
        }
    }
}
