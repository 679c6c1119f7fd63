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
 * @param requestTimeout    how long a synchronous verification may take to finish (else 504: poll the location)
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
 * @param uploads           how long an upload may take, how slowly it may arrive, and how many arrive at once
 */
public record ServiceConfig(String host, int port, long maxUploadBytes, int analysisThreads, int queueCapacity,
                            long asyncAboveBytes, Duration requestTimeout, int resultsKept, Optional<Path> apiKeys,
                            boolean publicReads, int requestsPerMinute, Optional<Path> tlsKeystore,
                            ByReference byReference, Optional<Path> publisherKeys, UploadLimits uploads) {
    /**
     * Loopback, port 8480, 512 MiB uploads, 2 threads, 16 waiting, async above 64 MiB, 10 min for a synchronous
     * analysis, 1,000 results, 600 requests per minute per key, {@link UploadLimits#DEFAULT}.
     */
    public static final ServiceConfig DEFAULT = new ServiceConfig("127.0.0.1", 8480, 512L << 20, 2, 16, 64L << 20,
            Duration.ofMinutes(10), 1000, Optional.empty(), false, 600, Optional.empty(), ByReference.OFF, Optional.empty(),
            UploadLimits.DEFAULT);

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
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param bytes largest upload @return this configuration with that limit */
    public ServiceConfig withMaxUpload(long bytes) {
        return new ServiceConfig(host, port, bytes, analysisThreads, queueCapacity, asyncAboveBytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param threads files verified at once @param queue uploads waiting @return this configuration with those */
    public ServiceConfig withAnalysis(int threads, int queue) {
        return new ServiceConfig(host, port, maxUploadBytes, threads, queue, asyncAboveBytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param timeout synchronous-analysis time limit (then 504) @return this configuration with that limit */
    public ServiceConfig withRequestTimeout(Duration timeout) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes, timeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param bytes uploads larger than this are verified in the background @return this configuration */
    public ServiceConfig withAsyncAbove(long bytes) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, bytes, requestTimeout,
                resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param perMinute requests per key (or address) per minute @return this configuration with that limit */
    public ServiceConfig withRateLimit(int perMinute) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, perMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param keystore PKCS#12 keystore of the server (HTTPS only) @return this configuration with TLS */
    public ServiceConfig withTls(Path keystore) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, Optional.of(keystore), byReference, publisherKeys, uploads);
    }

    /** @param file API key file @param publicReads SBR reads open to all @return this configuration with keys */
    public ServiceConfig withApiKeys(Path file, boolean publicReads) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, Optional.of(file), publicReads, requestsPerMinute, tlsKeystore, byReference, publisherKeys, uploads);
    }

    /** @param fetching where byReference may fetch assets from @return this configuration with it */
    public ServiceConfig withByReference(ByReference fetching) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, fetching, publisherKeys, uploads);
    }

    /** @param folder publishers' watermark keys, {@code <keyId>.key} each @return this configuration with them */
    public ServiceConfig withPublisherKeys(Path folder) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference,
                Optional.of(folder), uploads);
    }

    /** @param limits upload time, rate and concurrency limits @return this configuration with them */
    public ServiceConfig withUploadLimits(UploadLimits limits) {
        return new ServiceConfig(host, port, maxUploadBytes, analysisThreads, queueCapacity, asyncAboveBytes,
                requestTimeout, resultsKept, apiKeys, publicReads, requestsPerMinute, tlsKeystore, byReference,
                publisherKeys, limits);
    }

    /**
     * How uploads may arrive: the bounds that keep a slow or greedy client (a slow-loris) from holding the service's
     * threads. An upload is read only after its caller's key and scope are checked; a refused request's body is never
     * read beyond what has already arrived ({@link #refusedDrain}). Immutable.
     *
     * @param timeout           how long one upload may take to arrive in full (else 408)
     * @param minBytesPerSecond after {@link #RATE_GRACE}, the least average rate an upload must keep (else 408);
     *                          0 for none
     * @param maxConcurrent     uploads arriving at once over all callers (more: 503 with Retry-After, body not read)
     * @param maxPerCaller      uploads arriving at once per API key, or per client address without keys (more: 429
     *                          with Retry-After, body not read)
     * @param refusedDrain      how long a refused request's body that has already arrived is read and discarded, so
     *                          that a client still sending gets the answer rather than a reset connection (never
     *                          waits for more to arrive)
     */
    public record UploadLimits(Duration timeout, long minBytesPerSecond, int maxConcurrent, int maxPerCaller,
                               Duration refusedDrain) {
        /** The time an upload has before its average rate is checked. */
        public static final Duration RATE_GRACE = Duration.ofSeconds(10);
        /** 10 minutes, at least 8 KiB/s after 10 s, 64 at once, 16 per caller, 250 ms drain of refused bodies. */
        public static final UploadLimits DEFAULT = new UploadLimits(Duration.ofMinutes(10), 8 << 10, 64, 16,
                Duration.ofMillis(250));

        /** @throws IllegalArgumentException for a non-positive time or count, or a negative rate */
        public UploadLimits {
            if (timeout.isNegative() || timeout.isZero() || minBytesPerSecond < 0 || maxConcurrent < 1
                    || maxPerCaller < 1 || refusedDrain.isNegative()) {
                throw new IllegalArgumentException("upload timeout and concurrency must be positive, the rate at least 0");
            }
        }

        /** @param t how long one upload may take @return these limits with that time */
        public UploadLimits withTimeout(Duration t) {
            return new UploadLimits(t, minBytesPerSecond, maxConcurrent, maxPerCaller, refusedDrain);
        }

        /** @param total at once over all callers @param perCaller at once per caller @return these limits with those */
        public UploadLimits withConcurrency(int total, int perCaller) {
            return new UploadLimits(timeout, minBytesPerSecond, total, perCaller, refusedDrain);
        }

        /** @param bytesPerSecond the least average rate after the grace time, 0 for none @return these limits */
        public UploadLimits withMinRate(long bytesPerSecond) {
            return new UploadLimits(timeout, bytesPerSecond, maxConcurrent, maxPerCaller, refusedDrain);
        }
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
