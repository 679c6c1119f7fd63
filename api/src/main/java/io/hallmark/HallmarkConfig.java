package io.hallmark;

import io.hallmark.verify.VerifierLimits;
import io.hallmark.verify.isolation.WorkerLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Hallmark} needs, as one immutable value: where its files are, who signs, what it trusts and
 * how untrusted videos are decoded. Start from {@link #defaults()} or {@link #of(HallmarkHome)} and change what
 * differs with the {@code with...} methods.
 *
 * @param home            keys, watermark key, manifest store, installed trust lists
 * @param watermarkKey    a key file that must exist; empty for the home folder's key (created on first use)
 * @param store           the manifest store: a SQLite file, a {@code jdbc:postgresql:} URL (a shared store), or the
 *                        http(s) URL of a Hallmark service (verification: its Soft Binding Resolution API; signing:
 *                        its {@code POST /v1/manifests}); empty for the home folder's {@code manifests.db}
 * @param credential      who signs
 * @param tsaUrl          RFC 3161 time-stamp authority for signatures; empty for none
 * @param trust           which signers verification trusts
 * @param isolateDecoding decode videos in worker processes with limits (true: for files from anywhere) or in this
 *                        process (false: only for files you trust)
 * @param decoderWorkers  worker processes of the shared verifier, 1..64 (one per thread verifying at once)
 * @param limits          every bound of a verification
 * @param workerLauncher  how worker processes are started
 * @param resolvers       Soft Binding Resolution services holding the watermark key, asked by verification when this
 *                        machine cannot read a mark itself (http(s) URLs; the API key, if any, from
 *                        {@code $HALLMARK_RESOLVER_KEY})
 */
public record HallmarkConfig(HallmarkHome home, Optional<Path> watermarkKey, Optional<String> store,
                             Credential credential, Optional<String> tsaUrl, TrustChoice trust, boolean isolateDecoding,
                             int decoderWorkers, VerifierLimits limits, WorkerLauncher workerLauncher,
                             List<String> resolvers) {
    /**
     * Checks the values (each is described on the record).
     *
     * @param home            keys, watermark key, manifest store, installed trust lists
     * @param watermarkKey    a key file that must exist, or empty for the home folder's
     * @param store           a SQLite file or an http(s) Soft Binding Resolution API, or empty for the home's store
     * @param credential      who signs
     * @param tsaUrl          RFC 3161 time-stamp authority, or empty
     * @param trust           which signers verification trusts
     * @param isolateDecoding decode in worker processes (true) or in this process
     * @param decoderWorkers  worker processes of the shared verifier, 1..64
     * @param limits          every bound of a verification
     * @param workerLauncher  how worker processes are started
     * @param resolvers       resolver URLs asked when this machine cannot read a mark, copied
     * @throws IllegalArgumentException when {@code decoderWorkers} is outside 1..64 or a resolver is not http(s)
     * @throws NullPointerException     when a value is null
     */
    public HallmarkConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(watermarkKey, "watermarkKey");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(tsaUrl, "tsaUrl");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(workerLauncher, "workerLauncher");
        if (decoderWorkers < 1 || decoderWorkers > 64) {
            throw new IllegalArgumentException("decoderWorkers must be within 1..64, got " + decoderWorkers);
        }
        resolvers = List.copyOf(resolvers);
        for (String r : resolvers) {
            if (!isServiceUrl(r)) {
                throw new IllegalArgumentException("--resolver must be an http(s) URL, not " + r);
            }
        }
    }

    /**
     * The defaults on the home folder from {@code $HALLMARK_HOME}, else {@code ~/.hallmark}.
     *
     * @return the configuration
     * @throws IOException when the home folder cannot be created
     */
    public static HallmarkConfig defaults() throws IOException {
        return of(HallmarkHome.resolve(null));
    }

    /**
     * The defaults on {@code home}: its watermark key and store, the development PKI, no TSA, the C2PA trust list,
     * isolated decoding with 2 workers and {@link VerifierLimits#DEFAULT}.
     *
     * @param home the home folder
     * @return the configuration
     */
    public static HallmarkConfig of(HallmarkHome home) {
        return new HallmarkConfig(home, Optional.empty(), Optional.empty(), Credential.development(), Optional.empty(),
                TrustChoice.C2PA_TRUST_LIST, true, 2, VerifierLimits.DEFAULT, WorkerLauncher.sameJvm(), List.of());
    }

    /**
     * @param keyFile a watermark key file that must exist
     * @return this configuration with that key
     */
    public HallmarkConfig withWatermarkKey(Path keyFile) {
        return new HallmarkConfig(home, Optional.of(keyFile), store, credential, tsaUrl, trust, isolateDecoding,
                decoderWorkers, limits, workerLauncher, resolvers);
    }

    /**
     * @param storePathOrUrl a SQLite file, or the URL of a Soft Binding Resolution API (verification only)
     * @return this configuration with that store
     */
    public HallmarkConfig withStore(String storePathOrUrl) {
        return new HallmarkConfig(home, watermarkKey, Optional.of(storePathOrUrl), credential, tsaUrl, trust,
                isolateDecoding, decoderWorkers, limits, workerLauncher, resolvers);
    }

    /**
     * @param credential who signs
     * @return this configuration with that signer
     */
    public HallmarkConfig withCredential(Credential credential) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, decoderWorkers,
                limits, workerLauncher, resolvers);
    }

    /**
     * @param url an RFC 3161 time-stamp authority (asked once for a time-stamp before the first signature)
     * @return this configuration with that TSA
     */
    public HallmarkConfig withTsa(String url) {
        return new HallmarkConfig(home, watermarkKey, store, credential, Optional.of(url), trust, isolateDecoding,
                decoderWorkers, limits, workerLauncher, resolvers);
    }

    /**
     * @param trust which signers verification trusts
     * @return this configuration with that trust
     */
    public HallmarkConfig withTrust(TrustChoice trust) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, decoderWorkers,
                limits, workerLauncher, resolvers);
    }

    /**
     * @param isolate false decodes in this process: only for files you trust
     * @return this configuration with that decoding
     */
    public HallmarkConfig withIsolatedDecoding(boolean isolate) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolate, decoderWorkers, limits,
                workerLauncher, resolvers);
    }

    /**
     * @param workers decoder processes of the shared verifier, 1..64
     * @return this configuration with that many workers
     */
    public HallmarkConfig withDecoderWorkers(int workers) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, workers, limits,
                workerLauncher, resolvers);
    }

    /**
     * @param limits every bound of a verification
     * @return this configuration with those limits
     */
    public HallmarkConfig withLimits(VerifierLimits limits) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, decoderWorkers,
                limits, workerLauncher, resolvers);
    }

    /**
     * @param launcher how decoder worker processes are started
     * @return this configuration with that launcher
     */
    public HallmarkConfig withWorkerLauncher(WorkerLauncher launcher) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, decoderWorkers,
                limits, launcher, resolvers);
    }

    /**
     * @param urls resolver URLs (replacing any set before)
     * @return this configuration asking those resolvers
     */
    public HallmarkConfig withResolvers(List<String> urls) {
        return new HallmarkConfig(home, watermarkKey, store, credential, tsaUrl, trust, isolateDecoding, decoderWorkers,
                limits, workerLauncher, urls);
    }

    /** @return the watermark key file in use: the named one, else the home folder's */
    public Path watermarkKeyFile() {
        return watermarkKey.orElse(home.watermarkKey());
    }

    /** @return true when {@link #store} is the URL of a remote Soft Binding Resolution API */
    public boolean remoteStore() {
        return store.isPresent() && isServiceUrl(store.get());
    }

    /** @param location a store or resolver location @return true for an http(s) URL: a Hallmark service */
    static boolean isServiceUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }
}
