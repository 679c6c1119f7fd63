package io.hallmark.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the service listens and what it accepts. Immutable.
 *
 * @param host              address to bind, e.g. "127.0.0.1" (the default) or "0.0.0.0"
 * @param port              TCP port, 0 for any free one
 * @param maxUploadBytes    largest upload accepted, bytes (larger: 413)
 * @param analysisThreads   files verified at once, 1..64
 * @param queueCapacity     uploads waiting for a thread before the service answers 503 with Retry-After
 * @param asyncAboveBytes   uploads larger than this answer 202 with a location to poll instead of waiting
 * @param requestTimeout    how long an upload may take to arrive (else 408), and a synchronous verification to finish
 *                          (else 504)
 * @param resultsKept       finished verifications kept for {@code GET /v1/verifications/{id}} (oldest dropped)
 * @param apiKeys           file of API key hashes and scopes ({@link ApiKeys}); empty: no keys, loopback only
 * @param publicReads       the Soft Binding Resolution API's read endpoints need no key
 * @param requestsPerMinute requests each API key (or, without keys, each client address) may make per minute on the
 *                          endpoints that need a scope; more are answered 429 with Retry-After
 * @param tlsKeystore       a PKCS#12 keystore with the server's key and certificate chain: the service then speaks
 *                          HTTPS only (password from {@code $HALLMARK_TLS_PASSWORD}); empty for plain HTTP
 * @param byReference       where {@code POST /matches/byReference} may fetch assets from ({@link ByReference#OFF}: it
 *                          answers 501)
 * @param publisherKeys     a folder of publishers' watermark keys ({@code <keyId>.key}) that {@code byContent} tries
 *                          besides the service's own ({@link KeyedContentResolver}); empty for the own key alone
 */
public record ServiceConfig(String host, int port, long maxUploadBytes, int analysisThreads, int queueCapacity,
                            long asyncAboveBytes, Duration requestTimeout, int resultsKept, Optional<Path> apiKeys,
                            boolean publicReads, int requestsPerMinute, Optional<Path> tlsKeystore,
                            ByReference byReference, Optional<Path> publisherKeys) {
    /**
     * Loopback, port 8480, 512 MiB uploads, 2 threads, 16 waiting, async above 64 MiB, 10 min, 1,000 results,
     * 600 requests per minute per key.
     */
    public static final ServiceConfig DEFAULT = new ServiceConfig("127.0.0.1", 8480, 512L << 20, 2, 16, 64L << 20,
            Duration.ofMinutes(10), 1000, Optional.empty(), false, 600, Optional.empty(), ByReference.OFF, Optional.empty());

    /**
     * @throws IllegalArgumentException for out-of-range values, or no API keys on an address other than loopback
     */
    public ServiceConfig {
        if (analysisThreads < 1 || analysisThreads > 64) {
            throw new IllegalArgumentException("analysis threads must be within 1..64");
        }
        if (queueCapacity < 1 || maxUploadBytes < 1 || resultsKept < 1 || port < 0 || port > 65535
                || requestsPerMinute < 1) {
            throw new IllegalArgumentException("queue, upload limit, results kept and port must be positive");
        }
        if (apiKeys.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException("without --api-keys the service listens on loopback only (not " + host + ")");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @param host the address to bind @param port the port @return this configuration on that address */
    public ServiceConfig listeningOn(String host, int port) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param bytes largest upload @return this configuration with that limit */
    public ServiceConfig withMaxUpload(long bytes) {
        return new ServiceConfig(host, port, bytes, analysisThreads, queueCapacity, asyncAboveBytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param threads files verified at once @param queue uploads waiting @return this configuration with those */
    public ServiceConfig withAnalysis(int threads, int queue) {
        return new ServiceConfig(host, port, maxUploadBytes, threads, queue, asyncAboveBytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param timeout upload and synchronous-analysis time limit @return this configuration with that limit */
    public ServiceConfig withRequestTimeout(Duration timeout) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes, timeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param bytes uploads larger than this are verified in the background @return this configuration */
    public ServiceConfig withAsyncAbove(long bytes) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, bytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param perMinute requests per key (or address) per minute @return this configuration with that limit */
    public ServiceConfig withRateLimit(int perMinute) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, perMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param keystore PKCS#12 keystore of the server (HTTPS only) @return this configuration with TLS */
    public ServiceConfig withTls(Path keystore) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, Optional.of(keystore), byReference, publisherKeys);
    }

    /** @param file API key file @param publicReads SBR reads open to all @return this configuration with keys */
    public ServiceConfig withApiKeys(Path file, boolean publicReads) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, Optional.of(file), publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys);
    }

    /** @param fetching where byReference may fetch assets from @return this configuration with it */
    public ServiceConfig withByReference(ByReference fetching) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, fetching, publisherKeys);
    }

    /** @param folder publishers' watermark keys, {@code <keyId>.key} each @return this configuration with them */
    public ServiceConfig withPublisherKeys(Path folder) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference,
                Optional.of(folder));
    }

    /**
     * The Soft Binding Resolution API's optional {@code byReference} query, in which the service downloads the asset
     * itself: an attack vector (server-side request forgery), so off unless URL prefixes are allowed. Immutable.
     *
     * @param allowedPrefixes HTTPS URL prefixes an asset's URL must start with, e.g.
     *                        {@code https://uploads.example.com/incoming/}; empty: byReference is off
     * @param trustedCas      a PEM file of CA certificates to trust for those servers besides the JDK's (a private
     *                        object store); empty for the JDK's alone
     */
    public record ByReference(java.util.List<java.net.URI> allowedPrefixes, Optional<Path> trustedCas) {
        /** byReference answers 501. */
        public static final ByReference OFF = new ByReference(java.util.List.of(), Optional.empty());

        /** @throws IllegalArgumentException for a prefix that is not an absolute HTTPS URL with a host and a path */
        public ByReference {
            allowedPrefixes = java.util.List.copyOf(allowedPrefixes);
            for (java.net.URI prefix : allowedPrefixes) {
                if (!"https".equalsIgnoreCase(prefix.getScheme()) || prefix.getHost() == null
                        || prefix.getRawUserInfo() != null || prefix.getRawPath() == null || !prefix.getRawPath().startsWith("/")) {
                    throw new IllegalArgumentException("a byReference prefix must be https://HOST/PATH..., not " + prefix);
                }
            }
        }

        /** @return true when byReference answers */
        public boolean enabled() {
            return !allowedPrefixes.isEmpty();
        }
    }
}
