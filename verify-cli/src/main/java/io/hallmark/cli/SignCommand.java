package io.hallmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.fingerprint.VideoFingerprinter;
import io.hallmark.provenance.MediaTypes;
import io.hallmark.provenance.ProvenanceSigner;
import io.hallmark.provenance.SignedManifest;
import io.hallmark.provenance.manifest.ContentFingerprint;
import io.hallmark.provenance.manifest.ManifestSpec;
import io.hallmark.provenance.store.ManifestStore;
import io.hallmark.provenance.store.StoredManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a file with a C2PA manifest only (no watermark).", "The file's bytes are kept, the manifest is embedded, and the original is recorded as the parent ingredient (action c2pa.opened). Use 'certify' to watermark and sign AI video made elsewhere."})
final class SignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "MP4, MOV, JPEG or PNG to sign (never modified).")
    Path input;

    @Mixin
    OutputOption out;

    @Option(names = "--manifest", paramLabel = "EXTRA.json",
            description = "Extra manifest JSON: its 'assertions' are added, other fields override ours.")
    Path extra;

    @Mixin
    SigningOptions signing;

    @Mixin
    JsonOutput json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String format = MediaTypes.of(input).orElseThrow(() -> new IllegalArgumentException(input
                + ": its content is not a format a C2PA manifest can be embedded in "
                + "(MP4, MOV, M4A, HEIC, AVIF, JPEG, PNG, WebP, GIF, TIFF, AVI, WAV)"));
        // The signed copy keeps the input's format: its name must say so.
        Path output = out.checked(input, MediaTypes.extensions(format).toArray(String[]::new));
        Optional<String> tsa = signing.tsa(); // a TSA that cannot be used stops here, before any work
        ManifestSpec manifest = ManifestSpec.asIs(output.getFileName().toString(), format);
        if (extra != null) {
            manifest = manifest.withExtra((ObjectNode) new ObjectMapper().readTree(Files.readString(extra)));
        }
        // A signed video carries its content fingerprint too, so a stripped copy can be found by look-up.
        String fingerprint = null;
        if (format.startsWith("video/")) {
            VideoFingerprint fp = VideoFingerprinter.of(input, true);
            fingerprint = fp.encode();
            manifest = manifest.withFingerprint(new ContentFingerprint(VideoFingerprint.ALGORITHM, fingerprint,
                    fp.durationMillis()));
        }
        SignedManifest signed = new ProvenanceSigner(signing.signer(), tsa).sign(input, output, manifest,
                Optional.empty());
        try (ManifestStore store = ManifestStore.open(signing.storePath())) {
            store.put(new StoredManifest(signed.manifestId(), null, null, output.getFileName().toString(), Instant.now(),
                    signed.manifestStore(), signed.reportJson(), fingerprint));
        }
        ObjectNode result = JsonOutput.object();
        result.put("file", output.toString());
        result.put("manifestId", signed.manifestId());
        result.put("manifestBytes", signed.manifestStore().length);
        json.print(spec.commandLine().getOut(), result, output + ": signed, manifest " + signed.manifestId());
        return ExitCodes.OK;
    }
}
