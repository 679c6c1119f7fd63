package io.hallmark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallmark.provenance.report.C2paReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The causes a TAMPERED sentence names are evidence of tampering; an untrusted signer is not (issue 27). */
class TamperedSentenceTest {
    private static C2paReport failing(String... codes) throws Exception {
        String failures = String.join(",", java.util.Arrays.stream(codes).map(c -> "{\"code\":\"" + c + "\"}").toList());
        return C2paReport.parse("{\"active_manifest\":\"urn:c2pa:m\",\"manifests\":{\"urn:c2pa:m\":{}},"
                + "\"validation_state\":\"Invalid\",\"validation_results\":{\"activeManifest\":{\"success\":[],"
                + "\"informational\":[],\"failure\":[" + failures + "]}}}");
    }

    @Test
    void anUntrustedSignerIsNotNamedAsACauseOfTampering() throws Exception {
        assertEquals(List.of("assertion.dataHash.mismatch"),
                Verifier.tamperingCodes(failing("signingCredential.untrusted", "assertion.dataHash.mismatch")));
    }

    @Test
    void aContradictedSoftBindingIsNamedWhenNoCodeIs() throws Exception {
        assertEquals(List.of("soft binding mismatch"), Verifier.tamperingCodes(failing("signingCredential.untrusted")));
    }
}
