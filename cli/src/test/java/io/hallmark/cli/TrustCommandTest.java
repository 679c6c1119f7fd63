package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust as C2PA defines it: the official lists by default, named lists on request, each failure named (issue 13). */
class TrustCommandTest {
    @TempDir
    static Path dir;

    @Test
    void theOfficialListsAreShippedAndShown() {
        Cli r = Cli.run(dir.resolve("home-a"), "trust", "show");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("C2PA trust list (2026-08-21), 30 anchors"), r.out());
        assertTrue(r.out().contains("C2PA TSA trust list (2026-08-21), 22 anchors"), r.out());
    }

    @Test
    void aListGivenWithTrustIsNamedInTheReport() throws Exception {
        Path roots = SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem");
        Cli r = Cli.run(dir.resolve("home-b"), "verify", "--json", "--trust", roots.toString(),
                SharedData.c2paFixture("c2pa-rs/image/C.jpg").toString());
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertEquals("Trusted", v.path("c2pa").path("state").asText(), v.toPrettyString());
        // the signer is issued by an intermediate CA: the report names the lists it can have come from
        assertTrue(v.path("trustedBy").toString().contains("test_cert_root_bundle.pem"), v.path("trustedBy").toString());
        assertTrue(v.path("sentence").asText().contains("test_cert_root_bundle.pem"), v.path("sentence").asText());
    }

    @Test
    void aCawgIdentitysTrustIsReportedApartFromTheSigners() throws Exception {
        Path roots = SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem");
        String file = SharedData.c2paFixture("c2pa-rs/image/C_with_CAWG_data.jpg").toString();
        Cli json = Cli.run(dir.resolve("home-e"), "verify", "--json", "--trust", roots.toString(), file);
        assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
        JsonNode c2pa = new ObjectMapper().readTree(json.out()).path("c2pa");
        assertEquals("Trusted", c2pa.path("state").asText(), c2pa.toPrettyString());
        assertEquals(0, c2pa.path("failures").size(), "the identity's untrusted credential is not the claim's failure");
        JsonNode identity = c2pa.path("identities").path(0);
        assertEquals("UNTRUSTED", identity.path("trust").asText(), identity.toPrettyString());
        assertEquals("cawg.x509.cose", identity.path("sigType").asText());
        assertTrue(identity.path("statuses").toString().contains("cawg.x509.credential.untrusted"));

        Cli text = Cli.run(dir.resolve("home-e"), "verify", "--trust", roots.toString(), file);
        assertTrue(text.out().contains("Identity:   C2PA Signer (C2PA Test Signing Cert): identity signature valid, but its "
                + "credential is on no CAWG trust list in use"), text.out());
        assertFalse(text.out().contains("✗"), "nothing is shown as a failure of the claim: " + text.out());
        assertFalse(text.out().contains("signer is not on your trust list"), text.out());
    }

    @Test
    void badTrustFilesAreNamedWithTheirFault() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path text = Files.writeString(dir.resolve("notes.pem"), "just some words");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----\n");
        Path cut = Files.writeString(dir.resolve("cut.pem"), Files.readString(
                SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem")) + "\n-----BEGIN CERTIFICATE-----\nMIIB");
        String[][] cases = {
            {dir.resolve("missing.pem").toString(), "no such trust list file"},
            {empty.toString(), "empty"},
            {text.toString(), "not a PEM file"},
            {broken.toString(), "block 1 is broken"},
            {cut.toString(), "cut off"},
        };
        for (String[] c : cases) {
            Cli r = Cli.run(dir.resolve("home-c"), "verify", "--trust", c[0],
                    SharedData.c2paFixture("c2pa-rs/image/C.jpg").toString());
            assertEquals(ExitCodes.ERROR, r.exitCode(), c[0] + ": " + r);
            assertTrue(r.err().contains(Path.of(c[0]).getFileName().toString()) && r.err().contains(c[1]), c[0] + ": " + r.err());
        }
    }

    @Test
    void updateInstallsCheckedListsThatVerifyThenUses() throws Exception {
        Path home = dir.resolve("home-d");
        Path roots = SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem");
        Cli bad = Cli.run(home, "trust", "update", Files.writeString(dir.resolve("bad.pem"), "nope").toString());
        assertEquals(ExitCodes.ERROR, bad.exitCode(), bad.toString());
        assertFalse(Files.exists(home.resolve("trust").resolve("C2PA-TRUST-LIST.pem")), "nothing installed from a bad file");
        Cli ok = Cli.run(home, "trust", "update", roots.toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.toString());
        Cli show = Cli.run(home, "trust", "show");
        assertTrue(show.out().contains("installed"), show.out());
        Cli v = Cli.run(home, "verify", "--json", SharedData.c2paFixture("c2pa-rs/image/C.jpg").toString());
        assertEquals("Trusted", new ObjectMapper().readTree(v.out()).path("c2pa").path("state").asText(), v.out());
    }
}
