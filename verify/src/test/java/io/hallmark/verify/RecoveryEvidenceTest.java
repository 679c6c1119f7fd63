package io.hallmark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallmark.provenance.report.C2paReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures of a manifest read against a copy that lost it still let it be reported as the copy's. */
class RecoveryEvidenceTest {
    private static C2paReport withFailures(String... codes) throws Exception {
        StringBuilder failures = new StringBuilder();
        for (String c : codes) {
            failures.append(failures.length() == 0 ? "" : ",").append("{\"code\":\"").append(c).append("\"}");
        }
        return C2paReport.parse("{\"active_manifest\":\"urn:c2pa:x\",\"manifests\":{\"urn:c2pa:x\":{\"signature_info\":"
                + "{\"issuer\":\"Publisher\"}}},\"validation_state\":\"Invalid\",\"validation_results\":{\"activeManifest\":"
                + "{\"success\":[],\"informational\":[],\"failure\":[" + failures + "]}}}");
    }

    @Test
    void aReEncodedCopysHashMismatchAndAnUntrustedSignerAreExpected() throws Exception {
        assertEquals(List.of(), Verifier.unexpectedRecoveryFailures(
                withFailures("assertion.bmffHash.mismatch", "signingCredential.untrusted")));
    }

    @Test
    void aBrokenSignatureOrATamperedAssertionIsNot() throws Exception {
        assertEquals(List.of("claimSignature.mismatch"), Verifier.unexpectedRecoveryFailures(
                withFailures("assertion.bmffHash.mismatch", "claimSignature.mismatch")));
        assertEquals(List.of("assertion.hashedURI.mismatch"), Verifier.unexpectedRecoveryFailures(
                withFailures("assertion.hashedURI.mismatch")));
    }
}
