package io.hallmark.generator.pipeline;

import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRecord;
import io.hallmark.media.EncodeSettings;
import io.hallmark.media.FrameImages;
import io.hallmark.media.OutputFiles;
import io.hallmark.media.VideoFrame;
import io.hallmark.media.VideoWriter;
import io.hallmark.provenance.ClaimSigner;
import io.hallmark.provenance.ProvenanceSigner;
import io.hallmark.provenance.SignedManifest;
import io.hallmark.provenance.manifest.ContentFingerprint;
import io.hallmark.provenance.manifest.GenerationInfo;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.manifest.SoftBinding;
import io.hallmark.provenance.store.ManifestRegistry;
import io.hallmark.provenance.store.StoredManifest;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkEmbedder;
import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * generate -> watermark -> encode -> sign -> store, in one streaming pass. The marked frames are also
 * fingerprinted on the way ({@link VideoFingerprinter#forSigning()}), and the fingerprint goes into the
 * manifest and the store, so a verifier can tell this content from other footage carrying a copied mark. Frames go from the source
 * through the embedder straight into the encoder, so no unmarked frame is ever written; the marked but
 * unsigned intermediate lives in a private temporary folder and is deleted whatever happens. The only
 * file that appears at the destination is the signed one.
 */
public final class CertifyingPipeline {
    private final WatermarkKey key;
    private final ClaimSigner signer;
    private final Optional<String> tsaUrl;
    private final Optional<? extends ManifestRegistry> store;
    private EncodeSettings encoding = EncodeSettings.DEFAULT;
    private Optional<io.hallmark.media.VideoCodec> codec = Optional.empty();
    private java.util.OptionalInt bitDepth = java.util.OptionalInt.empty();
    private ManifestSpec.TrainingMining trainingMining = ManifestSpec.TrainingMining.NOT_ALLOWED;
    private boolean hidePrompt;

    public CertifyingPipeline(WatermarkKey key, ClaimSigner signer, Optional<String> tsaUrl,
                              Optional<? extends ManifestRegistry> store) {
        this.key = key;
        this.signer = signer;
        this.tsaUrl = tsaUrl;
        this.store = store;
    }

    public CertifyingPipeline encoding(EncodeSettings settings) {
        this.encoding = settings;
        return this;
    }

    /** Encode with this codec instead of the source's ({@link FrameSource#keeping}). */
    public CertifyingPipeline codec(io.hallmark.media.VideoCodec c) {
        this.codec = Optional.of(c);
        return this;
    }

    /** Encode at this bit depth (8 or 10) instead of the source's ({@link FrameSource#keeping}). */
    public CertifyingPipeline bitDepth(int bits) {
        this.bitDepth = java.util.OptionalInt.of(bits);
        return this;
    }

    public CertifyingPipeline trainingMining(ManifestSpec.TrainingMining choice) {
        this.trainingMining = choice;
        return this;
    }

    /** Record only the prompt's SHA-256 in the manifest, not its text. */
    public CertifyingPipeline hidePrompt(boolean hide) {
        this.hidePrompt = hide;
        return this;
    }

    /**
     * Runs the whole pass for {@code source} and writes the signed video to {@code output}.
     *
     * @param frameRate frames per second of the source
     * @param original  for imports: the file the frames came from (its audio is carried over and it is
     *                  recorded as the parent ingredient); empty for generated video
     */
    public CertifiedVideo run(FrameSource source, double frameRate, Path output, Optional<Path> original,
                              Progress progress) throws IOException {
        Payload payload = Payload.random();
        // named with our pid: a run killed outright leaves it, the next run removes it
        Path work = OutputFiles.createWorkDirectory("hallmark-certify-");
        try {
            Path marked = work.resolve("marked.mp4");
            EncodeSettings settings = settingsFor(source, original);
            WatermarkEmbedder embedder = new WatermarkEmbedder(key, payload);
            // The fingerprint is taken from the marked frames as they are encoded: the content we vouch for.
            VideoFingerprinter fingerprinter = VideoFingerprinter.forSigning();
            long total = source.frameCount();
            long frames = 0;
            byte[] thumbnail = null;
            VideoWriter writer = null;
            try {
                VideoFrame frame;
                while ((frame = source.next()) != null) {
                    frame = frame.evenCropped();
                    if (settings.bitDepth() > 8 && frame.deep().isEmpty()) {
                        frame = frame.widened(settings.bitDepth()); // rendered in 8 bits, written in 10
                    }
                    if (writer == null) {
                        writer = VideoWriter.create(marked, frame.width(), frame.height(), frameRate, settings);
                    }
                    VideoFrame out = embedder.embed(frame);
                    if (thumbnail == null) {
                        thumbnail = FrameImages.jpegThumbnail(out, 320);
                    }
                    writer.write(out);
                    fingerprinter.accept(out);
                    frames++;
                    if (!progress.update("watermarking and encoding", frames, total)) {
                        throw new CancelledException("encoding");
                    }
                }
                if (writer == null) {
                    throw new IOException("the source produced no frames");
                }
                writer.finish();
            } finally {
                if (writer != null) {
                    writer.close();
                }
            }
            GenerationRecord record = source.record();
            double seconds = frames / frameRate;
            SoftBinding binding = new SoftBinding(payload.hex(),
                    List.of(new SoftBinding.TimeSpan(0, Math.round(seconds * 1000))));
            VideoFingerprint fingerprint = fingerprinter.result();
            String encodedFingerprint = fingerprint.encode();
            ManifestSpec spec = specFor(record, output.getFileName().toString()).withSoftBinding(binding)
                    .withFingerprint(new ContentFingerprint(VideoFingerprint.ALGORITHM, encodedFingerprint,
                            Math.round(seconds * 1000)))
                    .withTrainingMining(trainingMining).withHiddenPrompt(hidePrompt).withNotKept(notKept(source, settings));
            progress.update("signing", 0, -1);
            SignedManifest signed = new ProvenanceSigner(signer, tsaUrl)
                    .onProgress((phase, fraction) -> progress.update("signing: " + phase, 0, -1))
                    .sign(marked, output, spec, Optional.of(thumbnail), original.orElse(marked));
            if (store.isPresent()) {
                store.get().put(new StoredManifest(signed.manifestId(), payload.hex(), SoftBinding.ALGORITHM,
                        output.getFileName().toString(), Instant.now(), signed.manifestStore(), signed.reportJson(),
                        encodedFingerprint));
            }
            progress.update("done", frames, frames);
            return new CertifiedVideo(output, signed.manifestId(), payload.hex(), frames, seconds, record,
                    signed.reportJson(), spec.notKept());
        } finally {
            try {
                OutputFiles.deleteRecursively(work);
            } catch (IOException ignored) {
                // a private temp folder (swept by the next run if left): best effort
            }
        }
    }

    /**
     * How {@link #run} encodes {@code source}: this pipeline's CRF and preset, what keeps the source
     * ({@link FrameSource#keeping}) unless a codec or bit depth was chosen, and for an import ({@code original}) its
     * sound and its frames' own timing (it may have a variable rate).
     */
    public EncodeSettings settingsFor(FrameSource source, Optional<Path> original) {
        EncodeSettings base = original.map(o -> encoding.withAudioFrom(o).withSourceTiming()).orElse(encoding);
        EncodeSettings kept = source.keeping(base);
        return kept.withCodec(codec.orElse(kept.codec())).withBitDepth(bitDepth.orElse(kept.bitDepth()));
    }

    /** What the source says the output cannot keep, and what the chosen encoding gives up on top of that. */
    private static List<String> notKept(FrameSource source, EncodeSettings settings) {
        List<String> lost = new java.util.ArrayList<>(source.notKept());
        EncodeSettings kept = source.keeping(EncodeSettings.DEFAULT);
        if (settings.bitDepth() < kept.bitDepth()) {
            lost.add("bit depth: re-encoded in " + settings.bitDepth() + " bits, as asked (the source has "
                    + kept.bitDepth() + ")");
        }
        if (settings.codec() != kept.codec()) {
            lost.add("codec: re-encoded as " + settings.codec().decoderName() + ", as asked (the source would have stayed "
                    + kept.codec().decoderName() + ")");
        }
        return lost;
    }

    private static ManifestSpec specFor(GenerationRecord record, String title) {
        Map<String, Object> parameters = new LinkedHashMap<>(record.parameters());
        parameters.put("backend", record.generatorId());
        parameters.put("frames", record.framesProduced());
        parameters.put("renderMillis", record.renderTime().toMillis());
        boolean generated = record.origin() == GenerationRecord.Origin.GENERATED;
        GenerationInfo info = new GenerationInfo(record.modelName(), record.modelVersion(),
                generated ? record.seed() : null, generated ? record.prompt() : null, parameters, generated);
        ManifestSpec spec = generated ? ManifestSpec.generated(title, info) : ManifestSpec.imported(title, info);
        Object turned = record.parameters().get(io.hallmark.generator.imported.ImportSource.ROTATION_PARAMETER);
        return turned == null ? spec : spec.withUprightRotation(Integer.parseInt(turned.toString()));
    }
}
