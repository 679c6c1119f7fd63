package io.hallmark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallmark.Hallmark;
import io.hallmark.SignedAsset;
import io.hallmark.provenance.MediaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Optional<ObjectNode> manifest = extra == null ? Optional.empty()
                : Optional.of((ObjectNode) new ObjectMapper().readTree(Files.readString(extra)));
        SignedAsset signed = Hallmark.open(signing.config(null)).sign(input, output, manifest);
        ObjectNode result = JsonOutput.object();
        result.put("file", output.toString());
        result.put("manifestId", signed.manifestId());
        result.put("manifestBytes", signed.manifestBytes());
        json.print(spec.commandLine().getOut(), result, output + ": signed, manifest " + signed.manifestId());
        return ExitCodes.OK;
    }
}
