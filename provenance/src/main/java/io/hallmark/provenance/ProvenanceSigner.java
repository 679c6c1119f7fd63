package io.hallmark.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.c2pa.Builder;
import io.hallmark.c2pa.C2paException;
import io.hallmark.c2pa.C2paStream;
import io.hallmark.c2pa.Context;
import io.hallmark.c2pa.Reader;
import io.hallmark.c2pa.Settings;
import io.hallmark.c2pa.Signer;
import io.hallmark.media.OutputFiles;
import io.hallmark.provenance.internal.BmffStructure;
import io.hallmark.provenance.manifest.ManifestSpec;
import java.io.IOException;
import io.hallmark.provenance.internal.InMemoryChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Signs an asset with a C2PA manifest through c2pa-rs. The input is only read; the output is written to a
 * temporary file beside the destination and moved into place when signing succeeded, so a failure leaves
 * nothing behind.
 */
public final class ProvenanceSigner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClaimSigner signer;
    private final Optional<String> tsaUrl;
    private BiPredicate<String, Double> progress = (phase, fraction) -> true;

    public ProvenanceSigner(ClaimSigner signer, Optional<String> tsaUrl) {
        this.signer = signer;
        this.tsaUrl = tsaUrl;
    }

    /** Receives (phase, fraction or -1) while signing; return false to cancel. */
    public ProvenanceSigner onProgress(BiPredicate<String, Double> listener) {
        this.progress = listener;
        return this;
    }

    /** Signs {@code input} as is; for files made elsewhere the input itself is the parent ingredient. */
    public SignedManifest sign(Path input, Path output, ManifestSpec spec, Optional<byte[]> thumbnailJpeg)
            throws IOException {
        return sign(input, output, spec, thumbnailJpeg, input);
    }

    /**
     * Signs {@code input}; {@code parent} is the original file recorded as the parentOf ingredient when the
     * spec's origin is not {@link ManifestSpec.Origin#GENERATED} (e.g. the unwatermarked upload of a certify).
     */
    public SignedManifest sign(Path input, Path output, ManifestSpec spec, Optional<byte[]> thumbnailJpeg, Path parent)
            throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new ProvenanceException("no such file: " + input);
        }
        String format = MediaTypes.of(input).orElseThrow(() -> new ProvenanceException("cannot sign "
                + input.getFileName() + ": its content is not a format a C2PA manifest can be embedded in "
                + "(MP4, MOV, M4A, HEIC, AVIF, JPEG, PNG, WebP, GIF, TIFF, AVI, WAV)"));
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new ProvenanceException("output must differ from the input (inputs are never modified)");
        }
        if (format.startsWith("video/mp4") || format.equals("video/quicktime")) {
            BmffStructure.requireComplete(input);
        }
        ManifestSpec effective = spec.withThumbnail(thumbnailJpeg.isPresent());
        boolean imported = effective.origin() != ManifestSpec.Origin.GENERATED;
        // A parent in a format the C2PA reader cannot parse (WebM, MKV, ...) is named in the definition instead of read:
        // read as MP4 it failed the whole signing ("Box size extends beyond asset bounds").
        Optional<String> parentFormat = imported ? MediaTypes.of(parent) : Optional.empty();
        String definition = imported && parentFormat.isEmpty()
                ? withUnreadableParent(effective.toJson(), effective.parentIngredientJson(parent.getFileName().toString()))
                : effective.toJson();
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = OutputFiles.createTempBeside(output, ".signing");
        try {
            byte[] store;
            try (Settings settings = TrustSettings.NONE.toNative();
                 Context context = Context.of(settings, progress);
                 Signer nativeSigner = Signer.create(signer::sign, signer.algorithm(), signer.certificateChainPem(),
                         tsaUrl.orElse(null));
                 Builder builder = Builder.create(context, definition);
                 C2paStream source = C2paStream.openRead(input);
                 C2paStream dest = C2paStream.openReadWrite(temp)) {
                if (thumbnailJpeg.isPresent()) {
                    try (C2paStream thumb = C2paStream.of(new InMemoryChannel(thumbnailJpeg.get()))) {
                        builder.resource(ManifestSpec.THUMBNAIL_ID, thumb);
                    }
                }
                if (parentFormat.isPresent()) {
                    try (C2paStream parentStream = C2paStream.openRead(parent)) {
                        builder.ingredient(effective.parentIngredientJson(parent.getFileName().toString()), parentFormat.get(),
                                parentStream);
                    }
                }
                store = builder.sign(format, source, dest, nativeSigner);
            } catch (C2paException e) {
                throw explain(e);
            }
            String report = readUnverified(temp, format);
            String manifestId = JSON.readTree(report).path("active_manifest").asText(null);
            if (manifestId == null) {
                throw new ProvenanceException("signed file has no active manifest: c2pa-rs wrote no manifest");
            }
            OutputFiles.moveIntoPlace(temp, output);
            return new SignedManifest(output, manifestId, store, report);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The definition with the parent ingredient listed in it, for a parent c2pa-rs cannot read. */
    private static String withUnreadableParent(String definitionJson, String ingredientJson) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(definitionJson);
        root.withArray("ingredients").add(JSON.readTree(ingredientJson));
        return root.toString();
    }

    /** The manifest JSON of a file just written, without re-hashing it (the signature was just made). */
    private static String readUnverified(Path file, String format) throws IOException {
        try (Settings settings = TrustSettings.NONE.toNative().set("verify.verify_after_reading", "false");
             Context context = Context.of(settings);
             C2paStream stream = C2paStream.openRead(file);
             Reader reader = Reader.read(context, format, stream)) {
            return reader.json();
        }
    }

    private ProvenanceException explain(C2paException e) {
        String certificate = "check that the certificate matches the key, has an O (organization) in its subject, "
                + "an ExtendedKeyUsage, and is not a CA or expired";
        String hint = switch (e.type()) {
            case SIGNATURE -> tsaUrl.isPresent()
                    ? " (either the time-stamp authority " + tsaUrl.get() + " gave no usable time-stamp, or the signing "
                            + "key or certificate was rejected: " + certificate + ")"
                    : " (the signing key or certificate was rejected: " + certificate + ")";
            case REMOTE -> " (the time-stamp authority " + tsaUrl.orElse("") + " could not be reached or refused the request)";
            default -> "";
        };
        return new ProvenanceException(e.getMessage() + hint, e);
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
