package io.hallmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.Generators;
import io.hallmark.generator.imported.ImportSource;
import io.hallmark.generator.pipeline.CertifiedVideo;
import io.hallmark.generator.pipeline.CertifyingPipeline;
import io.hallmark.generator.pipeline.Progress;
import io.hallmark.media.EncodeSettings;
import io.hallmark.media.HdrMetadata;
import io.hallmark.media.MediaException;
import io.hallmark.media.OutputFiles;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoReader;
import io.hallmark.media.VideoWriter;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.MediaTypes;
import io.hallmark.provenance.ProvenanceSigner;
import io.hallmark.provenance.SignedManifest;
import io.hallmark.provenance.TsaProbe;
import io.hallmark.provenance.manifest.ContentFingerprint;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.store.ManifestLookup;
import io.hallmark.provenance.store.ManifestRegistry;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.SoftBindingClient;
import io.hallmark.provenance.store.StoredManifest;
import io.hallmark.verify.InProcessInspector;
import io.hallmark.verify.VerificationReport;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.VerifierLimits;
import io.hallmark.verify.VideoInspector;
import io.hallmark.verify.isolation.IsolatedInspector;
import io.hallmark.verify.scan.Scan;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkDetector;
import io.hallmark.watermark.WatermarkEmbedder;
import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Hallmark's application API: what the command line, the verification service and the Beam job call.
 *
 * <pre>{@code
 * try (Hallmark hallmark = Hallmark.open(HallmarkConfig.defaults())) {
 *     CertifiedVideo video = hallmark.generate(new GenerationRequest("a red kite", 7, 2, 640, 360, 30), Path.of("kite.mp4"));
 *     VerificationReport report = hallmark.verify(video.file());
 * }
 * }</pre>
 *
 * <p><b>Outputs</b> are written to a temp file beside the destination and moved into place; an existing
 * destination is replaced (refusing to overwrite is the caller's policy). Inputs are only read.
 *
 * <p><b>Progress and cancellation</b>: long operations take a {@link Progress}; returning false from it, or
 * interrupting the calling thread, stops the work, leaves no output and throws {@link CancellationException}.
 *
 * <p><b>Thread safety</b>: every method may be called from many threads at once. Shared between calls: the
 * watermark key (immutable), the claim signer (opened once; c2pa-rs signs through a callback that holds no state
 * between calls), and for {@link #verify} one {@link Verifier} (its c2pa-rs reader settings, its manifest look-up
 * and a pool of {@link HallmarkConfig#decoderWorkers()} decoder processes, each used by one call at a time).
 * Signing calls each open the SQLite manifest store for their write (SQLite serialises writers).
 */
public final class Hallmark implements AutoCloseable {
    private final HallmarkConfig config;
    private final Object lock = new Object();
    private WatermarkKey key;
    private ClaimSigner signer;
    private boolean tsaChecked;
    private Verifier verifier;
    private Path throwAwayKeyDir;

    private Hallmark(HallmarkConfig config) {
        this.config = config;
    }

    /**
     * A Hallmark on {@code config}. Nothing is opened until first needed (keys, workers, the store).
     *
     * @param config what to use
     * @return a Hallmark the caller closes (it may hold decoder processes)
     */
    public static Hallmark open(HallmarkConfig config) {
        return new Hallmark(config);
    }

    /** @return the configuration this Hallmark was opened with */
    public HallmarkConfig config() {
        return config;
    }

    /**
     * The watermark key: the named file (which must exist: a key made up for it would make every verdict silently
     * "no watermark"), else the home folder's, created on first use.
     *
     * @return the key, loaded once
     * @throws IOException when the key file cannot be read or created, or is not a key
     */
    public WatermarkKey watermarkKey() throws IOException {
        synchronized (lock) {
            if (key == null) {
                key = config.watermarkKey().isPresent() ? WatermarkKey.load(config.watermarkKey().get())
                        : WatermarkKey.loadOrCreate(config.home().watermarkKey());
            }
            return key;
        }
    }

    /**
     * Generates a video from a prompt and certifies it: generate, watermark, encode (H.264 MP4), sign (C2PA, with
     * the TSA if configured), record in the manifest store. One stream; only the signed file appears.
     *
     * @param request    prompt, seed, duration (s), size (pixels) and frame rate
     * @param backend    generator id ({@link Generators#ids()}), e.g. {@code "procedural"}
     * @param hidePrompt record only the prompt's SHA-256 in the manifest
     * @param output     the signed MP4 to write
     * @param progress   told of each stage; returning false cancels
     * @return what was made: file, manifest id, watermark payload, frames
     * @throws Exception                when generation, encoding, signing (key, certificate, TSA) or the store fails
     * @throws IllegalArgumentException for an unknown backend or a request it cannot make
     * @throws CancellationException    when cancelled
     */
    public CertifiedVideo generate(GenerationRequest request, String backend, boolean hidePrompt, Path output,
                                   Progress progress) throws Exception {
        return generate(request, backend, hidePrompt, OutputEncoding.DEFAULT, output, progress);
    }

    /**
     * {@link #generate(GenerationRequest, String, boolean, Path, Progress)} with the output encoding chosen (codec, bit
     * depth, CRF, preset); by default 8-bit H.264 at CRF 18, BT.709 tagged.
     *
     * @param request    prompt, seed, duration (s), size (pixels) and frame rate
     * @param backend    generator id ({@link Generators#ids()})
     * @param hidePrompt record only the prompt's SHA-256 in the manifest
     * @param encoding   codec, bit depth (8 or 10), CRF and preset of the output
     * @param output     the signed MP4 to write
     * @param progress   told of each stage; returning false cancels
     * @return what was made: file, manifest id, watermark payload, frames
     * @throws Exception                when generation, encoding, signing or the store fails
     * @throws IllegalArgumentException for an unknown backend or a request it cannot make
     * @throws CancellationException    when cancelled
     */
    public CertifiedVideo generate(GenerationRequest request, String backend, boolean hidePrompt, OutputEncoding encoding,
                                   Path output, Progress progress) throws Exception {
        try (ManifestRegistry store = registry();
             FrameSource frames = Generators.byId(backend).open(request)) {
            return configured(pipeline(store), encoding).hidePrompt(hidePrompt)
                    .run(frames, request.fps(), output, Optional.empty(), progress);
        }
    }

    private static CertifyingPipeline configured(CertifyingPipeline pipeline, OutputEncoding encoding) {
        pipeline.encoding(EncodeSettings.DEFAULT.withCrf(encoding.crf()).withPreset(encoding.preset()));
        encoding.codec().ifPresent(pipeline::codec);
        encoding.bitDepth().ifPresent(pipeline::bitDepth);
        return pipeline;
    }

    /**
     * {@link #generate(GenerationRequest, String, boolean, Path, Progress)} with the procedural backend, no progress.
     *
     * @param request prompt, seed, duration (s), size (pixels) and frame rate
     * @param output  the signed MP4 to write
     * @return what was made
     * @throws Exception as {@link #generate(GenerationRequest, String, boolean, Path, Progress)}
     */
    public CertifiedVideo generate(GenerationRequest request, Path output) throws Exception {
        return generate(request, Generators.DEFAULT_ID, false, output, Progress.NONE);
    }

    /**
     * Certifies a video made elsewhere: its frames (turned upright as players show them) are watermarked,
     * encoded and signed as AI-generated (IPTC {@code trainedAlgorithmicMedia}), the source recorded as ingredient.
     * The rotation applied is in {@code record().parameters()} under {@link ImportSource#ROTATION_PARAMETER}.
     *
     * @param input        the video as received (never modified)
     * @param output       the signed MP4 to write
     * @param model        the generator that made it, as its supplier claims, or {@code GenerationInfo.UNCLAIMED}
     * @param modelVersion its version, or {@code GenerationInfo.UNCLAIMED}
     * @param progress     told of each stage; returning false cancels
     * @return what was made
     * @throws Exception             when encoding, signing or the store fails
     * @throws MediaException        when the input cannot be decoded
     * @throws CancellationException when cancelled
     */
    public CertifiedVideo certify(Path input, Path output, String model, String modelVersion, Progress progress)
            throws Exception {
        return certify(input, output, model, modelVersion, OutputEncoding.DEFAULT, progress);
    }

    /**
     * {@link #certify(Path, Path, String, String, Progress)} with the output encoding chosen; by default the source's
     * codec family (H.264 or HEVC) and bit depth (8 or 10), CRF 18. What the output cannot keep of the source is in
     * {@link CertifiedVideo#notKept()} and in the manifest.
     *
     * @param input        the video made elsewhere (never modified)
     * @param output       the signed MP4 to write
     * @param model        the model that made it, as its supplier claims
     * @param modelVersion its version
     * @param encoding     codec, bit depth, CRF and preset of the output
     * @param progress     told of each stage; returning false cancels
     * @return what was made
     * @throws Exception             when encoding, signing or the store fails
     * @throws MediaException        when the input cannot be decoded
     * @throws CancellationException when cancelled
     */
    public CertifiedVideo certify(Path input, Path output, String model, String modelVersion, OutputEncoding encoding,
                                  Progress progress) throws Exception {
        try (ManifestRegistry store = registry();
             ImportSource source = ImportSource.open(input, model, modelVersion)) {
            return configured(pipeline(store), encoding).run(source, source.info().frameRate(), output, Optional.of(input),
                    progress);
        }
    }

    /**
     * Signs a file as it is (no watermark): MP4, MOV, M4A, HEIC, AVIF, JPEG, PNG, WebP, GIF, TIFF, AVI or WAV, the
     * format decided from the content. A video's manifest also carries its content fingerprint, so a stripped copy
     * can be found by look-up.
     *
     * @param input         the file as it is (never modified)
     * @param output        the signed copy to write, in the input's format
     * @param extraManifest manifest JSON whose {@code assertions} are added and whose other fields override ours
     * @return the signed file and its manifest
     * @throws Exception                when reading, fingerprinting, signing or the store fails
     * @throws IllegalArgumentException when the content is not a format a C2PA manifest can be embedded in
     */
    public SignedAsset sign(Path input, Path output, Optional<ObjectNode> extraManifest) throws Exception {
        String format = MediaTypes.of(input).orElseThrow(() -> new IllegalArgumentException(input
                + ": its content is not a format a C2PA manifest can be embedded in "
                + "(MP4, MOV, M4A, HEIC, AVIF, JPEG, PNG, WebP, GIF, TIFF, AVI, WAV)"));
        ClaimSigner claimSigner = signer();
        Optional<String> tsa = tsa();
        ManifestSpec manifest = ManifestSpec.asIs(output.getFileName().toString(), format);
        if (extraManifest.isPresent()) {
            manifest = manifest.withExtra(extraManifest.get());
        }
        String fingerprint = null;
        if (format.startsWith("video/")) {
            VideoFingerprint fp = VideoFingerprinter.of(input, true);
            fingerprint = fp.encode();
            manifest = manifest.withFingerprint(new ContentFingerprint(VideoFingerprint.ALGORITHM, fingerprint,
                    fp.durationMillis()));
        }
        SignedManifest signed = new ProvenanceSigner(claimSigner, tsa).sign(input, output, manifest, Optional.empty());
        try (ManifestRegistry store = registry()) {
            store.put(new StoredManifest(signed.manifestId(), null, null, output.getFileName().toString(), Instant.now(),
                    signed.manifestStore(), signed.reportJson(), fingerprint));
        }
        return new SignedAsset(output, format, signed.manifestId(), signed.manifestStore().length);
    }

    /**
     * Watermarks a video without signing it: decode, embed {@code payload} in every frame, encode MP4 (4:2:0 at 10 bits
     * for a 10-bit source and 8 otherwise, HEVC for an HEVC source and H.264 otherwise, at {@code crf}, every frame at its own timestamp, the source's colour
     * description), copy the audio unchanged. An odd row or column is
     * cropped off (4:2:0 needs even sizes).
     *
     * @param input    the video (never modified)
     * @param output   the MP4 to write
     * @param payload  the 64-bit ID to embed
     * @param crf      x264 constant rate factor of the output, 0..51 (18: visually lossless)
     * @param progress told of each frame; returning false cancels
     * @return the file written, its payload and frame count
     * @throws IOException           when the key cannot be read or the output cannot be written
     * @throws MediaException        when the input cannot be decoded or is too small to carry the mark
     * @throws CancellationException when cancelled
     */
    public EmbeddedVideo embed(Path input, Path output, Payload payload, int crf, Progress progress) throws IOException {
        WatermarkEmbedder embedder = new WatermarkEmbedder(watermarkKey(), payload);
        long frames = 0;
        try (VideoReader reader = VideoReader.openKeepingDepth(input)) {
            var info = reader.info();
            int w = info.width() & ~1;
            int h = info.height() & ~1;
            if (!WatermarkEmbedder.canEmbed(w, h)) {
                throw new MediaException(input + ": " + WatermarkEmbedder.tooSmall(info.width(), info.height()));
            }
            try (VideoWriter writer = VideoWriter.create(output, w, h, info.frameRate(),
                    EncodeSettings.DEFAULT.withCrf(crf).withAudioFrom(input).withSourceTiming()
                            .keeping(reader, HdrMetadata.of(info, input)))) {
                VideoFrame frame;
                while ((frame = reader.read()) != null) {
                    writer.write(embedder.embed(frame.evenCropped()));
                    if (!progress.update("embedding", ++frames, info.frameCountEstimate()) || Thread.interrupted()) {
                        throw new CancellationException("embedding stopped after " + frames + " frames");
                    }
                }
                writer.finish();
            }
        }
        progress.update("done", frames, frames);
        return new EmbeddedVideo(output, payload, frames);
    }

    /**
     * Looks for the watermark in a video, in this process (use {@link #verify} for files from anywhere).
     *
     * @param video the video to examine
     * @return presence, payload, p-value, per-segment scores and any geometry found
     * @throws IOException when the file cannot be decoded
     */
    public DetectionResult detect(Path video) throws IOException {
        return WatermarkDetector.detect(video, watermarkKey());
    }

    /**
     * Verifies one file: C2PA manifest (c2pa-rs), watermark, content check, store look-up. Never throws for a bad
     * file: its report says {@code ERROR} or {@code UNVERIFIABLE} with the reason.
     *
     * @param file any file
     * @return the verdict and the evidence behind it
     * @throws IOException when the verifier cannot be set up (trust lists, key, store)
     */
    public VerificationReport verify(Path file) throws IOException {
        return sharedVerifier().verify(file);
    }

    /**
     * A verifier of its own with {@code workers} decoder processes (a scan's pool); the caller closes it.
     *
     * @param workers decoder processes, 1..64 (one per thread verifying at once)
     * @return a thread-safe verifier
     * @throws IOException when the trust lists, the key or the store cannot be opened
     */
    public Verifier newVerifier(int workers) throws IOException {
        VerifierLimits limits = config.limits();
        ManifestLookup manifests = lookup();
        boolean keyHeld = holdsWatermarkKey();
        List<SoftBindingClient> resolvers = new java.util.ArrayList<>();
        for (String url : config.resolvers()) {
            resolvers.add(serviceClient(url, limits, "HALLMARK_RESOLVER_KEY"));
        }
        return new Verifier(config.trust().resolve(config.home()), inspector(workers, keyHeld),
                Optional.ofNullable(manifests), limits, keyHeld, resolvers);
    }

    /**
     * @return true when verification can check the watermark here: a key file was named, or the home folder has one.
     *         Verification never creates a key: a made-up key would make every verdict silently "no watermark".
     */
    public boolean holdsWatermarkKey() {
        return config.watermarkKey().isPresent() || Files.isRegularFile(config.home().watermarkKey());
    }

    /**
     * Verifies many files, {@code threads} at once, each report handed to {@code listener} as it finishes
     * ({@link Scan}: resumable through the JSONL, one bad file never stops it).
     *
     * @param files    the files to verify
     * @param threads  files verified at once, 1..64
     * @param jsonl    results file to append to and resume from, or empty
     * @param listener told of each report, on the calling thread; returning false stops the scan
     * @return counts per verdict, files scanned and skipped, seconds
     * @throws IOException           when the verifier cannot be set up or the JSONL cannot be read or written
     * @throws CancellationException when stopped or interrupted
     */
    public Scan.Summary scan(List<Path> files, int threads, Optional<Path> jsonl, Scan.Listener listener)
            throws IOException {
        Scan.checkThreads(threads);
        try (Verifier own = newVerifier(threads)) {
            return new Scan(own, threads, jsonl).run(files, listener);
        }
    }

    /** Stops the shared verifier's decoder processes and deletes a throw-away key. Further calls may open new ones. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (verifier != null) {
                verifier.close();
                verifier = null;
            }
            if (throwAwayKeyDir != null) {
                OutputFiles.deleteRecursively(throwAwayKeyDir);
                throwAwayKeyDir = null;
            }
        }
    }

    /**
     * The signer and TSA, checked once, before any work: a certificate c2pa-rs would reject or a TSA that cannot
     * time-stamp stops the call with the reason, not after minutes of encoding.
     */
    private ClaimSigner signer() throws Exception {
        synchronized (lock) {
            if (signer == null) {
                signer = config.credential().open(config.home());
            }
            return signer;
        }
    }

    private Optional<String> tsa() throws TsaProbe.TsaException {
        synchronized (lock) {
            if (config.tsaUrl().isPresent() && !tsaChecked) {
                TsaProbe.check(config.tsaUrl().get(), TsaProbe.DEFAULT_DEADLINE);
                tsaChecked = true;
            }
        }
        return config.tsaUrl();
    }

    private CertifyingPipeline pipeline(ManifestRegistry store) throws Exception {
        ClaimSigner claimSigner = signer();
        Optional<String> tsa = tsa();
        return new CertifyingPipeline(watermarkKey(), claimSigner, tsa, Optional.of(store));
    }

    /**
     * Where signing records manifests: the local SQLite store, or a verification service's {@code POST /v1/manifests}
     * for an http(s) store (API key from {@code $HALLMARK_STORE_KEY}).
     */
    private ManifestRegistry registry() throws IOException {
        if (config.remoteStore()) {
            return serviceClient(config.store().get(), config.limits(), "HALLMARK_STORE_KEY");
        }
        return ManifestStore.open(config.store().orElse(config.home().manifestStore().toString()));
    }

    private Verifier sharedVerifier() throws IOException {
        synchronized (lock) {
            if (verifier == null) {
                verifier = newVerifier(config.decoderWorkers());
            }
            return verifier;
        }
    }

    /** The store to look manifests up in; null when there is none (the home folder's store was never made). */
    private ManifestLookup lookup() throws IOException {
        return openLookup(config.store(), config.home(), config.limits());
    }

    /**
     * A manifest look-up: a remote Soft Binding Resolution API (bounded by {@code limits}) for an http(s) URL, a
     * PostgreSQL store for a {@code jdbc:postgresql:} URL, else the SQLite file named, else the home folder's store if
     * it exists; null when there is none. A service is sent the API key in {@code $HALLMARK_STORE_KEY}, when set.
     *
     * @param store  a SQLite file or an http(s) URL, or empty for the home folder's store
     * @param home   the home folder
     * @param limits the bounds on a remote look-up (deadline, answer and manifest bytes)
     * @return the look-up, to be closed by the caller, or null
     * @throws IOException when the SQLite file cannot be opened
     */
    public static ManifestLookup openLookup(Optional<String> store, HallmarkHome home, VerifierLimits limits)
            throws IOException {
        if (store.isPresent() && HallmarkConfig.isServiceUrl(store.get())) {
            // a keyed service answers reads only with a key (fetch:manifests): the same variable as for writes
            return serviceClient(store.get(), limits, "HALLMARK_STORE_KEY");
        }
        if (store.isPresent()) {
            return ManifestStore.open(store.get());
        }
        return Files.exists(home.manifestStore()) ? ManifestStore.open(home.manifestStore()) : null;
    }

    /**
     * A client of a Hallmark service, bounded by {@code limits} (deadline, answer and manifest bytes), sending the API
     * key named by the environment variable {@code keyVariable} when it is set (none when {@code keyVariable} is null).
     */
    private static SoftBindingClient serviceClient(String url, VerifierLimits limits, String keyVariable) {
        return new SoftBindingClient(url, limits.lookupDeadline(), limits.maxLookupAnswer(), limits.maxRemoteManifest(),
                Optional.ofNullable(keyVariable == null ? null : System.getenv(keyVariable)));
    }

    /**
     * Without a key, videos are still decoded (fingerprint, thumbnail) with a throw-away key whose detections the
     * verifier ignores; it lives in a private temp folder until {@link #close}, never in the home folder.
     */
    private VideoInspector inspector(int workers, boolean keyHeld) throws IOException {
        Path keyFile = config.watermarkKeyFile();
        WatermarkKey key;
        if (keyHeld) {
            key = watermarkKey();
        } else {
            synchronized (lock) {
                if (throwAwayKeyDir == null) {
                    throwAwayKeyDir = OutputFiles.createWorkDirectory("hallmark-no-key-");
                }
            }
            keyFile = throwAwayKeyDir.resolve("throw-away.key");
            key = WatermarkKey.loadOrCreate(keyFile);
        }
        if (!config.isolateDecoding()) {
            return new InProcessInspector(key);
        }
        VerifierLimits limits = config.limits();
        return new IsolatedInspector(keyFile, workers, limits.decodeTimeout().toSeconds(),
                limits.decoderHeap(), config.workerLauncher());
    }
}
