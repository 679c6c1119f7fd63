package io.hallmark.provenance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallmark.provenance.report.IdentityAssertion.Trust;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a CAWG identity's codes say about it, as a table. */
class IdentityAssertionTest {
    static IdentityAssertion with(String... kindAndCode) {
        List<StatusCode> codes = new java.util.ArrayList<>();
        for (String k : kindAndCode) {
            String[] p = k.split(" ");
            codes.add(StatusCode.of(p[1], p[0], "self#jumbf=/c2pa/urn:x/c2pa.assertions/cawg.identity"));
        }
        return new IdentityAssertion("cawg.identity", Optional.of("cawg.x509.cose"), Optional.empty(), Optional.empty(), codes);
    }

    @Test
    void trustFollowsTheCodes() {
        assertEquals(Trust.TRUSTED, with("success cawg.x509.signature.validated", "success cawg.x509.credential.trusted").trust());
        assertEquals(Trust.TRUSTED, with("success cawg.ica.credential_valid").trust());
        assertEquals(Trust.UNTRUSTED, with("success cawg.x509.signature.validated", "failure cawg.x509.credential.untrusted").trust());
        assertEquals(Trust.UNTRUSTED, with("informational cawg.ica.untrusted_issuer").trust());
        assertEquals(Trust.INVALID, with("failure cawg.x509.signature.mismatch", "failure cawg.x509.credential.untrusted").trust());
        assertEquals(Trust.INVALID, with("failure cawg.identity.assertion.mismatch").trust());
        assertEquals(Trust.UNCHECKED, with("success cawg.identity.well-formed").trust());
    }

    @Test
    void anInvalidIdentityNamesItsFailures() {
        assertEquals("cawg.identity: identity assertion does not validate (cawg.x509.signature.mismatch)",
                with("failure cawg.x509.signature.mismatch").describe());
    }
}
