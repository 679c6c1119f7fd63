package io.hallmark.keys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamp authority on the loopback interface, built from Bouncy Castle's TSP classes:
 * POST application/timestamp-query, answer application/timestamp-reply. For tests and air-gapped signing.
 */
public final class LocalTsa implements AutoCloseable {
    /** Hallmark's test TSA policy (private arc; no meaning outside Hallmark). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");
    private static final int MAX_REQUEST = 64 * 1024;

    private final HttpServer server;
    private final TimeStampResponseGenerator responses;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong served = new AtomicLong();

    private LocalTsa(HttpServer server, TimeStampResponseGenerator responses) {
        this.server = server;
        this.responses = responses;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port) with the given TSA credential (EKU timeStamping). */
    public static LocalTsa start(SigningCredential tsa, int port) throws KeyException {
        try {
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(tsa.algorithm().signatureAlgorithm()).build(tsa.privateKey()),
                            tsa.certificate());
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            LocalTsa local = new LocalTsa(server, responses);
            server.createContext("/", local::handle);
            server.start();
            return local;
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | TSPException e) {
            throw new KeyException("cannot start the local TSA: " + e.getMessage(), e);
        }
    }

    /** e.g. http://127.0.0.1:41234/ */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Time-stamps issued so far. */
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "POST an application/timestamp-query\n".getBytes());
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
            }
            if (body.length > MAX_REQUEST) {
                reply(exchange, 413, "text/plain", "request too large\n".getBytes());
                return;
            }
            try {
                TimeStampRequest request = new TimeStampRequest(body);
                TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
                served.incrementAndGet();
                reply(exchange, 200, "application/timestamp-reply", response.getEncoded());
            } catch (IOException | TSPException | RuntimeException e) {
                reply(exchange, 400, "text/plain", ("bad time-stamp request: " + e.getMessage() + "\n").getBytes());
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
