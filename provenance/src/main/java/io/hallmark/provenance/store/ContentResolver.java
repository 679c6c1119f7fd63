package io.hallmark.provenance.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Answers the Soft Binding Resolution API's {@code POST /matches/byContent}: which stored manifests describe
 * the content of an uploaded file (through its watermark, store-assisted identification, or its fingerprint).
 * Implemented by the verifier, which holds the watermark key. Must be thread-safe.
 */
@FunctionalInterface
public interface ContentResolver {
    /**
     * One match: a stored manifest and how similar the upload is to its content.
     *
     * @param manifestId      the manifest
     * @param similarityScore 0-100, as the API defines it: 100 for a watermark ID confirmed by the content
     *                        check, the fingerprint similarity in percent otherwise
     * @param method          how it was found: {@code embedded}, {@code watermark}, {@code store-assisted} or
     *                          {@code fingerprint}
     * @param keyId           the watermark key that read the mark, for a resolver holding several publishers' keys;
     *                        empty when it holds one
     * @param geometry        how the upload was turned relative to the signed content, as the mark showed it
     *                        (mirroring, rotation, stretch): the orientation the resolver's content check used, so a
     *                        client that checks the content again checks it the same way
     * @param contentCheck    for a match through the watermark, what the content check said: {@code MATCH} (the upload
     *                        is the manifest's signed content), {@code INCONCLUSIVE}, or {@code MISMATCH} (a copied mark;
     *                        similarity 0); empty for other methods
     */
    record Match(String manifestId, int similarityScore, String method, java.util.Optional<String> keyId,
                 io.hallmark.fingerprint.Reorientation geometry,
                 java.util.Optional<io.hallmark.fingerprint.ContentComparison.Decision> contentCheck) {
        /** A match of a resolver with one key, found without turning the upload. */
        public Match(String manifestId, int similarityScore, String method) {
            this(manifestId, similarityScore, method, java.util.Optional.empty(), io.hallmark.fingerprint.Reorientation.NONE,
                    java.util.Optional.empty());
        }

        /** @param id the key's id @return this match, found with that key */
        public Match foundWith(String id) {
            return new Match(manifestId, similarityScore, method, java.util.Optional.of(id), geometry, contentCheck);
        }

        /** @param g how the upload was turned @return this match with that geometry */
        public Match turned(io.hallmark.fingerprint.Reorientation g) {
            return new Match(manifestId, similarityScore, method, keyId, g, contentCheck);
        }

        /** @param decision what the content check said @return this match with it */
        public Match checked(io.hallmark.fingerprint.ContentComparison.Decision decision) {
            return new Match(manifestId, similarityScore, method, keyId, geometry, java.util.Optional.of(decision));
        }
    }

    /**
     * @param upload a file the server has written to a private temp folder (deleted after the call)
     * @throws IOException when the file cannot be analysed at all
     */
    List<Match> resolve(Path upload, int maxResults) throws IOException;
}
