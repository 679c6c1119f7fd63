package io.hallmark.provenance.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hallmark.provenance.MediaTypes;
import io.hallmark.provenance.TrustList;
import io.hallmark.provenance.internal.BmffStructure;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.store.SoftBindingApi;
import io.hallmark.provenance.store.SoftBindingServer;
import java.io.IOException;
import java.util.Map;

/**
 * Fuzz targets for the verifier's own parsing of hostile input (Jazzer). The contract under test: malformed
 * input ends in the documented exception ({@link IOException} or {@link IllegalArgumentException}) or a
 * result, never another exception, a hang or an unbounded allocation. {@code mvn verify} runs each target
 * over its seeds ({@code src/test/resources/.../ParsersFuzzTestInputs/<target>/}); a long run is
 * {@code JAZZER_FUZZ=1 mvn -pl provenance test -Dtest=ParsersFuzzTest#<target>} (docs/fuzzing.md).
 */
class ParsersFuzzTest {
    /** Format sniffing from a file's first bytes. */
    @FuzzTest(maxDuration = "60s")
    void mediaTypes(byte[] head) {
        String type = MediaTypes.ofHead(head, Math.min(head.length, 16)).orElse("");
        if (!type.isEmpty() && MediaTypes.extensions(type).isEmpty()) {
            throw new AssertionError("a type without extensions: " + type);
        }
    }

    /** The top-level box walk that bounds what reaches c2pa-rs. */
    @FuzzTest(maxDuration = "60s")
    void bmffBoxWalk(byte[] file) throws IOException {
        int boxes = BmffStructure.countTopLevelBoxes(new io.hallmark.provenance.internal.InMemoryChannel(file), 64);
        if (boxes < 0 || boxes > 65) {
            throw new AssertionError("count out of bounds: " + boxes);
        }
    }

    /** The JUMBF walk that cuts a stored manifest store down to its active manifest. */
    @FuzzTest(maxDuration = "60s")
    void manifestStoreBoxes(byte[] store) {
        try {
            byte[] active = io.hallmark.provenance.internal.JumbfManifestStore.activeManifestOnly(store);
            if (active.length > store.length || io.hallmark.provenance.internal.JumbfManifestStore.manifestLabels(active).size() != 1) {
                throw new AssertionError("the active manifest alone is one manifest, no larger than the store");
            }
        } catch (IllegalArgumentException malformed) {
            // documented
        }
    }

    /** c2pa-rs's report JSON into the verifier's report. */
    @FuzzTest(maxDuration = "60s")
    void manifestReportJson(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        try {
            C2paReport r = C2paReport.parse(json);
            r.failureCodes();
            r.isValidOrTrusted();
        } catch (IOException malformed) {
            // documented
        }
    }

    /** A Soft Binding Resolution API query string and binding value, as the server parses them. */
    @FuzzTest(maxDuration = "60s")
    void softBindingQuery(FuzzedDataProvider data) {
        Map<String, String> q;
        try {
            q = SoftBindingServer.query(data.consumeString(2000));
        } catch (IllegalArgumentException malformed) {
            return;
        }
        String value = q.getOrDefault("value", data.consumeRemainingAsString());
        try {
            String hex = SoftBindingApi.payloadOf(value);
            if (hex.length() != 16) {
                throw new AssertionError("payload of the wrong length: " + hex);
            }
        } catch (IllegalArgumentException malformed) {
            // documented
        }
    }

    /** A trust list given with --trust or installed with trust update. */
    @FuzzTest(maxDuration = "60s")
    void trustListPem(FuzzedDataProvider data) {
        String pem = data.consumeRemainingAsString();
        try {
            TrustList list = TrustList.of("fuzz", pem);
            if (list.certificates().isEmpty()) {
                throw new AssertionError("a list without certificates was accepted");
            }
        } catch (IllegalArgumentException malformed) {
            // documented
        }
    }
}
