package io.hallmark.provenance.report;

import java.util.Map;

/**
 * A c2pa-rs validation status (spec §15 codes) with a plain-language explanation for people who do not
 * read the C2PA specification.
 */
public record StatusCode(String code, String kind, String explanation, String url) {
    /** kind: success, informational or failure, as c2pa-rs classifies the code. */
    public static StatusCode of(String code, String kind, String url) {
        return new StatusCode(code, kind, explain(code), url);
    }

    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("claimSignature.validated", "The manifest's signature is mathematically valid."),
            Map.entry("claimSignature.insideValidity", "The signing certificate was valid when the manifest was signed."),
            Map.entry("claimSignature.mismatch", "The signature does not match the manifest: it was altered or signed wrongly."),
            Map.entry("claimSignature.missing", "The manifest has no signature."),
            Map.entry("claimSignature.outsideValidity", "The signing certificate was not valid at signing time."),
            Map.entry("signingCredential.trusted", "The signer's certificate chains to a trust anchor you configured."),
            Map.entry("signingCredential.untrusted", "The signer is not on your trust list: the signature is valid, but you do not know who signed."),
            Map.entry("signingCredential.invalid", "The signer's certificate is malformed or not allowed for signing."),
            Map.entry("signingCredential.expired", "The signer's certificate had expired."),
            Map.entry("signingCredential.ocsp.revoked", "The signer's certificate was revoked."),
            Map.entry("timeStamp.validated", "A trusted time-stamp proves when the manifest was signed."),
            Map.entry("timeStamp.trusted", "The time-stamp authority is on your trust list."),
            Map.entry("timeStamp.untrusted", "The time-stamp is valid but its authority is not on your trust list."),
            Map.entry("timeStamp.mismatch", "The time-stamp does not match the signature."),
            Map.entry("timeStamp.malformed", "The time-stamp is damaged and was ignored."),
            Map.entry("assertion.hashedURI.match", "A piece of the manifest matches its recorded hash."),
            Map.entry("assertion.hashedURI.mismatch", "A piece of the manifest was changed after signing."),
            Map.entry("assertion.dataHash.match", "The file's content matches the signed hash."),
            Map.entry("assertion.dataHash.mismatch", "The file's content changed after signing."),
            Map.entry("assertion.bmffHash.match", "The video's content matches the signed hash."),
            Map.entry("assertion.bmffHash.mismatch", "The video's content changed after signing (re-encoded, edited or corrupted)."),
            Map.entry("assertion.action.malformed", "The list of edits in the manifest is malformed."),
            Map.entry("assertion.action.ingredientMismatch", "An edit refers to an ingredient that does not match."),
            Map.entry("claim.hardBindings.missing", "The manifest does not bind to the file's content."),
            Map.entry("claim.missing", "A manifest referenced by this one is missing."),
            Map.entry("claim.malformed", "The manifest is malformed."),
            Map.entry("ingredient.manifest.validated", "An ingredient's own manifest is valid."),
            Map.entry("ingredient.claimSignature.validated", "An ingredient's signature is valid."),
            Map.entry("ingredient.claimSignature.mismatch", "An ingredient's signature does not match."),
            Map.entry("manifest.inaccessible", "The manifest is stored elsewhere and could not be fetched."),
            Map.entry("algorithm.unsupported", "The manifest uses a signature algorithm that is not allowed."),
            Map.entry("ingredient.unknownProvenance", "An ingredient has no C2PA manifest of its own: its history before this step is unknown."),
            Map.entry("manifest.unknownProvenance", "The manifest's history before this step is unknown."),
            Map.entry("ingredient.manifest.missing", "An ingredient's manifest is not in the file."),
            Map.entry("signingCredential.ocsp.skipped", "The signer's revocation status was not checked (offline)."),
            Map.entry("timeOfSigning.insideValidity", "The signing time is within the certificate's validity."),
            Map.entry("assertion.accessible", "A piece of the manifest could be read."),
            Map.entry("com.adobe.prerelease", "A pre-release (pre-1.0) manifest format that current readers do not accept."),
            Map.entry("general.error", "The manifest could not be validated."));

    public static String explain(String code) {
        String known = EXPLANATIONS.get(code);
        if (known != null) {
            return known;
        }
        if (code.endsWith(".mismatch")) {
            return "Something was changed after signing (" + code + ").";
        }
        if (code.endsWith(".match") || code.endsWith(".validated")) {
            return "A check passed (" + code + ").";
        }
        return "See the C2PA specification for " + code + ".";
    }
}
