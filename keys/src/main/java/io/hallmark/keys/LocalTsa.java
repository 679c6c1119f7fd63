package io.hallmark.keys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority on the loopback interface, built from Bouncy Castle's TSP classes:
 * HTTP POST of an application/timestamp-query, answered with an application/timestamp-reply. Tokens are
 * signed with SHA-256 by a certificate whose only (critical) EKU is timeStamping; nonces are echoed and
 * serial numbers increase. For tests and air-gapped signing ({@code hallmark tsa serve}); its time is
 * this machine's clock, so trust it only as far as you trust that clock.
 */
public final class LocalTsa implements AutoCloseable {
    /** Hallmark's local TSA policy (a private arc; no meaning outside Hallmark). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");
    /** Message imprints accepted: SHA-256, SHA-384, SHA-512 (weaker hashes are rejected in the reply). */
    static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512);
    private static final int MAX_REQUEST = 16 * 1024;
    private static final long MAX_DRAINED = 1 << 20;

    private final HttpServer server;
    private final ExecutorService workers;
    private final TimeStampResponseGenerator responses;
    private final SigningCredential credential;
    // Starts at the clock in microseconds so that a restarted TSA keeps issuing larger serial numbers.
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong served = new AtomicLong();

    private LocalTsa(HttpServer server, ExecutorService workers, TimeStampResponseGenerator responses,
                     SigningCredential credential) {
        this.server = server;
        this.workers = workers;
        this.responses = responses;
        this.credential = credential;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port) with the PKI's stored TSA credential. */
    public static LocalTsa start(DevPki pki, int port) throws KeyException {
        return start(pki.timeStampAuthority(), loopback(port));
    }

    /** Starts on {@code address}, which must be a loopback address (port 0 picks a free port), with the PKI's TSA. */
    public static LocalTsa start(DevPki pki, InetSocketAddress address) throws KeyException {
        return start(pki.timeStampAuthority(), address);
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port) with a TSA credential (EKU timeStamping only, critical). */
    public static LocalTsa start(SigningCredential tsa, int port) throws KeyException {
        return start(tsa, loopback(port));
    }

    /** Starts on {@code address}, which must be a loopback address, with a TSA credential. */
    public static LocalTsa start(SigningCredential tsa, InetSocketAddress address) throws KeyException {
        if (address == null || address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new KeyException("the local TSA only listens on a loopback address, not " + address);
        }
        checkTsaCertificate(tsa.certificate());
        if (tsa.algorithm() == SigningAlgorithm.PS256) {
            throw new KeyException("the local TSA signs with EC or Ed25519 keys, not RSA-PSS");
        }
        HttpServer server;
        try {
            JcaContentSignerBuilder contentSigner = new JcaContentSignerBuilder(tsa.algorithm().jcaSignatureAlgorithm());
            if (tsa.provider() != null) {
                contentSigner.setProvider(tsa.provider());
            }
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(contentSigner.build(tsa.privateKey()), tsa.certificate());
            // The digest for the ESSCertIDv2 signing-certificate attribute (RFC 5816).
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            tokens.setAccuracySeconds(1);
            tokens.setTSA(new GeneralName(X500Name.getInstance(tsa.certificate().getSubjectX500Principal().getEncoded())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS);
            server = HttpServer.create(address, 16);
            ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "hallmark-local-tsa");
                t.setDaemon(true);
                return t;
            });
            LocalTsa local = new LocalTsa(server, workers, responses, tsa);
            server.setExecutor(workers);
            server.createContext("/", local::handle);
            server.start();
            return local;
        } catch (IOException e) {
            throw new KeyException("cannot listen on " + address + " for the local TSA: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new KeyException("cannot start the local TSA: " + e.getMessage(), e);
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** RFC 3161 2.3: the TSA certificate has exactly one, critical, ExtendedKeyUsage: timeStamping. */
    private static void checkTsaCertificate(X509Certificate c) throws KeyException {
        try {
            List<String> ekus = c.getExtendedKeyUsage();
            boolean critical = c.getCriticalExtensionOIDs() != null && c.getCriticalExtensionOIDs().contains("2.5.29.37");
            if (ekus == null || !ekus.equals(List.of(CertificateProfile.TIME_STAMPING)) || !critical) {
                throw new KeyException("not a TSA certificate (needs a critical ExtendedKeyUsage of timeStamping only): "
                        + c.getSubjectX500Principal().getName());
            }
        } catch (CertificateParsingException e) {
            throw new KeyException("unreadable ExtendedKeyUsage in " + c.getSubjectX500Principal().getName(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234/}: the URL to give c2pa-rs as its TSA. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** The TSA certificate: it chains to the development root. */
    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** Time-stamps issued so far (granted replies). */
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                reply(exchange, 405, "text/plain", "POST an application/timestamp-query\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
                if (body.length > MAX_REQUEST) {
                    // Read what a confused client sends (up to a limit) so that it sees the 413, not a reset.
                    // (read, not skip: the server's skip bypasses its Content-Length accounting)
                    byte[] sink = new byte[8192];
                    long drained = 0;
                    for (int n; drained < MAX_DRAINED && (n = in.read(sink)) >= 0; ) {
                        drained += n;
                    }
                    reply(exchange, 413, "text/plain", "request too large\n");
                    return;
                }
            }
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(body);
            } catch (IOException | RuntimeException e) {
                reply(exchange, 400, "text/plain", "not an RFC 3161 time-stamp request\n");
                return;
            }
            TimeStampResponse response;
            try {
                // generate() answers a request it refuses (unknown digest, policy) with a rejection status.
                synchronized (responses) {
                    response = responses.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
                }
            } catch (Exception e) {
                reply(exchange, 500, "text/plain", "cannot time-stamp: " + e.getMessage() + "\n");
                return;
            }
            if (response.getTimeStampToken() != null) {
                served.incrementAndGet();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            byte[] encoded = response.getEncoded();
            exchange.sendResponseHeaders(200, encoded.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(encoded);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening; requests in progress get up to a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalTsa[" + url() + ", " + credential.certificate().getSubjectX500Principal().getName() + "]";
    }
}
