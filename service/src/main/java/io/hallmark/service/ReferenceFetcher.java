package io.hallmark.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.provenance.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads the asset of a Soft Binding Resolution API {@code POST /matches/byReference} query (SBR API 1.1,
 * "queryByReference"): the body {@code {"referenceUrl", "assetLength", "assetType"}}. As the API asks of it: HTTPS
 * only, never more than {@code assetLength} bytes (nor the upload limit), the downloaded type checked against
 * {@code assetType}; and against request forgery, only URLs under an allowed prefix ({@link ServiceConfig.ByReference}),
 * no redirects followed (one could leave the prefix), no user info or encoded dots and slashes in the path.
 * Thread-safe.
 */
final class ReferenceFetcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One query's body.
     *
     * @param referenceUrl the asset's HTTPS URL
     * @param assetLength  its size in bytes, the most that will be read
     * @param assetType    its IANA media type, when given
     */
    record Query(URI referenceUrl, long assetLength, Optional<String> assetType) {}

    private final ServiceConfig.ByReference rules;
    private final HttpClient client;

    /**
     * @param rules   the allowed prefixes and extra trusted CAs
     * @throws IOException when the CA file cannot be read or holds no certificate
     */
    ReferenceFetcher(ServiceConfig.ByReference rules) throws IOException {
        this.rules = rules;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (rules.trustedCas().isPresent()) {
            builder.sslContext(sslTrusting(rules.trustedCas().get()));
        }
        this.client = builder.build();
    }

    /**
     * @param body the request body
     * @return the query
     * @throws Problem 400 when it is not the API's JSON, the URL is not HTTPS, or assetLength is missing or not positive
     */
    static Query parse(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.path("referenceUrl").isTextual() || !json.path("assetLength").canConvertToLong()
                || json.path("assetLength").asLong() < 1) {
            throw Problem.badRequest("the body must be JSON {\"referenceUrl\": \"https://...\", \"assetLength\": BYTES,"
                    + " \"assetType\": \"video/mp4\"}, assetLength positive");
        }
        URI url;
        try {
            url = new URI(json.path("referenceUrl").asText());
        } catch (URISyntaxException e) {
            throw Problem.badRequest("referenceUrl is not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw Problem.badRequest("referenceUrl must be an https:// URL");
        }
        Optional<String> type = json.path("assetType").isTextual()
                ? Optional.of(json.path("assetType").asText().toLowerCase(Locale.ROOT)) : Optional.empty();
        return new Query(url, json.path("assetLength").asLong(), type);
    }

    /**
     * Downloads the asset.
     *
     * @param q        the query
     * @param maxBytes the service's upload limit
     * @param deadline when the download must be complete ({@link System#nanoTime()} value)
     * @return the file, deleted by {@link Uploads#delete}
     * @throws Problem     403 for a URL under no allowed prefix; 502 when the server answers other than 200 or cannot
     *                     be reached; 413 when the asset is larger than assetLength or the limit; 408 past the
     *                     deadline; 415 when its content is not assetType
     * @throws IOException when the temp file cannot be written
     */
    Path fetch(Query q, long maxBytes, long deadline) throws IOException {
        if (!allowed(q.referenceUrl())) {
            throw new Problem(403, "reference-not-allowed", "The reference URL is not on this service's allow-list",
                    "byReference fetches only from the prefixes its operator allowed");
        }
        long limit = Math.min(q.assetLength(), maxBytes);
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(q.referenceUrl())
                    .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Problem(502, "reference-unavailable", "The reference URL could not be fetched",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the reference", e);
        }
        Path file;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new Problem(502, "reference-unavailable", "The reference URL could not be fetched",
                        "its server answered HTTP " + response.statusCode() + " (redirects are not followed)");
            }
            file = Uploads.receive(body, response.headers().firstValueAsLong("Content-Length").orElse(-1), limit,
                    Math.max(0, deadline - System.nanoTime()), 0, 0);
        }
        if (q.assetType().isPresent()) {
            String found = MediaTypes.of(file).orElse("an unknown type");
            if (!found.equals(q.assetType().get())) {
                Uploads.delete(file);
                throw new Problem(415, "reference-type-mismatch", "The asset is not of the type the query says",
                        "assetType is " + q.assetType().get() + " but the asset is " + found);
            }
        }
        return file;
    }

    /** Under an allowed prefix: same scheme, host and port, and the normalised path starts with the prefix's. */
    boolean allowed(URI url) {
        String path = url.getRawPath();
        if (url.getRawUserInfo() != null || path == null || path.isEmpty() || path.contains("\\")
                || path.toLowerCase(Locale.ROOT).matches(".*%(2e|2f|5c).*")) {
            return false;
        }
        URI normal = url.normalize();
        for (URI prefix : rules.allowedPrefixes()) {
            if (normal.getScheme().equalsIgnoreCase(prefix.getScheme()) && normal.getHost().equalsIgnoreCase(prefix.getHost())
                    && port(normal) == port(prefix) && normal.getRawPath().startsWith(prefix.getRawPath())) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI url) {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** The JDK's trusted CAs and those in {@code pem}. */
    private static javax.net.ssl.SSLContext sslTrusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("extra-" + n++, c);
            }
            if (n == 0) {
                throw new IOException(pem + " holds no PEM certificate");
            }
            javax.net.ssl.TrustManagerFactory jdk = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            javax.net.ssl.TrustManagerFactory extra = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            extra.init(trust);
            javax.net.ssl.X509TrustManager both = either((javax.net.ssl.X509TrustManager) jdk.getTrustManagers()[0],
                    (javax.net.ssl.X509TrustManager) extra.getTrustManagers()[0]);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, new javax.net.ssl.TrustManager[] {both}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the byReference CA file " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Trusts a server chain that either trust manager trusts. */
    private static javax.net.ssl.X509TrustManager either(javax.net.ssl.X509TrustManager a, javax.net.ssl.X509TrustManager b) {
        return new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
                throw new UnsupportedOperationException("a client of others' servers only");
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth)
                    throws java.security.cert.CertificateException {
                try {
                    a.checkServerTrusted(chain, auth);
                } catch (java.security.cert.CertificateException first) {
                    b.checkServerTrusted(chain, auth);
                }
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                java.security.cert.X509Certificate[] x = a.getAcceptedIssuers();
                java.security.cert.X509Certificate[] y = b.getAcceptedIssuers();
                java.security.cert.X509Certificate[] all = java.util.Arrays.copyOf(x, x.length + y.length);
                System.arraycopy(y, 0, all, x.length, y.length);
                return all;
            }
        };
    }
}
