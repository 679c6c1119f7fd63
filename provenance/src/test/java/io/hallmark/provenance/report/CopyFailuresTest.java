package io.hallmark.provenance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures of a manifest read apart from its asset (a copy that lost it, a registration) it still holds with. */
class CopyFailuresTest {
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
        assertEquals(List.of(), withFailures("assertion.bmffHash.mismatch", "signingCredential.untrusted").failuresACopyDoesNotExplain());
    }

    @Test
    void aBrokenSignatureOrATamperedAssertionIsNot() throws Exception {
        assertEquals(List.of("claimSignature.mismatch"), withFailures("assertion.bmffHash.mismatch", "claimSignature.mismatch").failuresACopyDoesNotExplain());
        assertEquals(List.of("assertion.hashedURI.mismatch"), withFailures("assertion.hashedURI.mismatch").failuresACopyDoesNotExplain());
    }
}
