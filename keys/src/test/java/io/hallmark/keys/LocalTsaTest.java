package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local RFC 3161 TSA, exercised as a client would: Bouncy Castle requests over real HTTP on loopback. */
class LocalTsaTest {
    @TempDir
    static Path dir;
    static DevPki pki;
    static LocalTsa tsa;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        pki = DevPki.loadOrCreate(dir, SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        tsa = LocalTsa.start(pki, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    static TimeStampRequest request(String text, long nonce) throws Exception {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes());
        return gen.generate(NISTObjectIdentifiers.id_sha256, digest, BigInteger.valueOf(nonce));
    }

    static HttpResponse<byte[]> post(byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tsa.url()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static TimeStampResponse timeStamp(TimeStampRequest request) throws Exception {
        HttpResponse<byte[]> http = post(request.getEncoded());
        assertEquals(200, http.statusCode());
        assertEquals("application/timestamp-reply", http.headers().firstValue("Content-Type").orElse(""));
        return new TimeStampResponse(http.body());
    }

    @Test
    void answersAnRfc3161RequestWithATokenThatValidates() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        TimeStampRequest request = request("claim signature", 424242);
        TimeStampResponse response = timeStamp(request);
        Instant after = Instant.now().plusSeconds(2);

        response.validate(request); // status granted; imprint, nonce and certReq honoured
        assertEquals(PKIStatus.GRANTED, response.getStatus());
        TimeStampToken token = response.getTimeStampToken();
        assertEquals(BigInteger.valueOf(424242), token.getTimeStampInfo().getNonce(), "nonce echoed");
        assertArrayEquals(request.getMessageImprintDigest(), token.getTimeStampInfo().getMessageImprintDigest());
        assertEquals(NISTObjectIdentifiers.id_sha256, token.getTimeStampInfo().getHashAlgorithm().getAlgorithm());
        assertEquals(LocalTsa.POLICY, token.getTimeStampInfo().getPolicy());
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        assertTrue(!genTime.isBefore(before) && !genTime.isAfter(after), "time is this machine's clock: " + genTime);

        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate())); // also checks the TSA EKU
        assertEquals("2.16.840.1.101.3.4.2.1", token.toCMSSignedData().getSignerInfos().iterator().next().getDigestAlgOID(),
                "signed with SHA-256");
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> embedded = token.getCertificates().getMatches(null);
        assertTrue(embedded.contains(new JcaX509CertificateHolder(tsa.certificate())), "certificate included on request");
    }

    @Test
    void theTsaCertificateChainsToTheDevelopmentRoot() throws Exception {
        X509Certificate cert = tsa.certificate();
        assertEquals(pki.timeStampAuthority().certificate(), cert);
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), cert.getExtendedKeyUsage());
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
    }

    @Test
    void serialNumbersIncreaseAndEachReplyEchoesItsNonce() throws Exception {
        List<BigInteger> serials = new ArrayList<>();
        long servedBefore = tsa.served();
        for (long nonce = 1; nonce <= 3; nonce++) {
            TimeStampRequest request = request("data " + nonce, nonce * 1000 + 7);
            TimeStampResponse response = timeStamp(request);
            response.validate(request);
            assertEquals(BigInteger.valueOf(nonce * 1000 + 7), response.getTimeStampToken().getTimeStampInfo().getNonce());
            serials.add(response.getTimeStampToken().getTimeStampInfo().getSerialNumber());
        }
        assertTrue(serials.get(0).compareTo(serials.get(1)) < 0 && serials.get(1).compareTo(serials.get(2)) < 0, serials.toString());
        assertTrue(tsa.served() >= servedBefore + 3);
    }

    @Test
    void aWeakHashIsRejectedInTheReply() throws Exception {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest("x".getBytes());
        TimeStampResponse response = timeStamp(gen.generate(OIWObjectIdentifiers.idSHA1, sha1, BigInteger.ONE));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertNull(response.getTimeStampToken());
        assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
    }

    @Test
    void malformedRequestsGetHttpErrors() throws Exception {
        assertEquals(400, post("not DER".getBytes()).statusCode());
        assertEquals(413, post(new byte[100_000]).statusCode());
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(tsa.url())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }

    @Test
    void itListensOnlyOnLoopback() throws Exception {
        assertTrue(tsa.url().startsWith("http://127.0.0.1:"), tsa.url());
        KeyException e = assertThrows(KeyException.class, () -> LocalTsa.start(pki,
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0)));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @Test
    void aCertificateWithoutTheTimeStampingPurposeCannotRunATsa() {
        KeyException e = assertThrows(KeyException.class, () -> LocalTsa.start(pki.signer(), 0));
        assertTrue(e.getMessage().startsWith("not a TSA certificate"), e.getMessage());
    }

    @Test
    void aFreshlyIssuedTsaCredentialServesToo() throws Exception {
        try (LocalTsa other = LocalTsa.start(pki.issueTimeStampAuthority(), 0)) {
            assertFalse(other.url().equals(tsa.url()));
            TimeStampRequest request = request("other", 5);
            HttpResponse<byte[]> http = HTTP.send(HttpRequest.newBuilder(URI.create(other.url()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            TimeStampResponse response = new TimeStampResponse(http.body());
            response.validate(request);
            response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(other.certificate()));
            assertEquals(1, other.served());
        }
    }
}
