package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTsaTest {
    @Test
    void answersAnRfc3161RequestOverHttpWithAValidToken(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.loadOrCreate(dir, SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        SigningCredential tsaCredential = pki.issueTimeStampAuthority();
        assertEquals(java.util.List.of("1.3.6.1.5.5.7.3.8"), tsaCredential.certificate().getExtendedKeyUsage());
        try (LocalTsa tsa = LocalTsa.start(tsaCredential, 0)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest("claim signature".getBytes());
            TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
            gen.setCertReq(true);
            BigInteger nonce = BigInteger.valueOf(424242);
            TimeStampRequest request = gen.generate(NISTObjectIdentifiers.id_sha256, digest, nonce);

            HttpURLConnection http = (HttpURLConnection) URI.create(tsa.url()).toURL().openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/timestamp-query");
            try (OutputStream out = http.getOutputStream()) {
                out.write(request.getEncoded());
            }
            assertEquals(200, http.getResponseCode());
            assertEquals("application/timestamp-reply", http.getContentType());
            TimeStampResponse response;
            try (InputStream in = http.getInputStream()) {
                response = new TimeStampResponse(in.readAllBytes());
            }
            response.validate(request); // nonce, digest, policy and status match the request
            assertEquals(nonce, response.getTimeStampToken().getTimeStampInfo().getNonce());
            response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCredential.certificate()));
            assertTrue(tsa.url().startsWith("http://127.0.0.1:"));
            assertEquals(1, tsa.served());
        }
    }
}
