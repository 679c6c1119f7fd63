package io.hallmark.service;

import io.hallmark.Hallmark;
import io.hallmark.HallmarkConfig;
import io.hallmark.provenance.store.ContentResolver;
import io.hallmark.verify.Verifier;
import io.hallmark.verify.VerifierContentResolver;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code byContent} for a resolver that several publishers trust with their watermark keys: the service's own key
 * and one key per file of a folder ({@code serve --publisher-keys DIR}, files {@code <keyId>.key}, e.g.
 * {@code acme-2026.key}; a rotated-out key stays there for as long as files marked with it should resolve). The keys
 * are tried in turn, each a verification of its own (the cost grows with the number of keys), until one finds an
 * embedded manifest or reads a mark; its matches then name the key ({@code hallmark.keyId}). A file no key reads
 * still gets the fingerprint look-up's matches, which need no key. Thread-safe: each key's verifier serializes its
 * calls.
 */
final class KeyedContentResolver implements ContentResolver, AutoCloseable {
    /** One key: its id, the Hallmark that holds it (closed with this resolver unless it is the service's own). */
    private record Keyed(String keyId, Verifier verifier, ContentResolver resolver, Optional<Hallmark> owned) {}

    private final List<Keyed> keys;

    private KeyedContentResolver(List<Keyed> keys) {
        this.keys = keys;
    }

    /**
     * @param own        the service's Hallmark, when it holds a key of its own (id {@code own})
     * @param base       the configuration the publishers' keys are used with (same store, trust and limits)
     * @param folder     the publishers' keys, or empty
     * @return the resolver, empty when there is no key at all (byContent then answers 501)
     * @throws IOException              when a key cannot be read
     * @throws IllegalArgumentException when the folder holds no {@code .key} file
     */
    static Optional<KeyedContentResolver> open(Optional<Hallmark> own, HallmarkConfig base, Optional<Path> folder)
            throws IOException {
        List<Keyed> keys = new ArrayList<>();
        try {
            if (own.isPresent()) {
                own.get().watermarkKey(); // read now: a bad key file fails the start, not the first request
                Verifier v = own.get().newVerifier(1);
                keys.add(new Keyed("own", v, new VerifierContentResolver(v), Optional.empty()));
            }
            for (Path file : keyFiles(folder)) {
                String name = file.getFileName().toString();
                Hallmark h = Hallmark.open(base.withWatermarkKey(file).withDecoderWorkers(1));
                try {
                    h.watermarkKey();
                    Verifier v = h.newVerifier(1);
                    keys.add(new Keyed(name.substring(0, name.length() - ".key".length()), v, new VerifierContentResolver(v),
                            Optional.of(h)));
                } catch (IOException | RuntimeException e) {
                    h.close();
                    throw new IOException("cannot use the publisher key " + file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            new KeyedContentResolver(keys).close();
            throw e;
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(new KeyedContentResolver(List.copyOf(keys)));
    }

    private static List<Path> keyFiles(Optional<Path> folder) throws IOException {
        if (folder.isEmpty()) {
            return List.of();
        }
        if (!Files.isDirectory(folder.get())) {
            throw new IllegalArgumentException("--publisher-keys " + folder.get() + " is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> keys = Files.newDirectoryStream(folder.get(), "*.key")) {
            keys.forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--publisher-keys " + folder.get() + " holds no <keyId>.key file");
        }
        files.sort(null); // a stable order of trial
        return files;
    }

    /** @return the ids of the keys held, in the order they are tried */
    List<String> keyIds() {
        return keys.stream().map(Keyed::keyId).toList();
    }

    @Override
    public List<Match> resolve(Path upload, int maxResults) throws IOException {
        List<Match> keyless = List.of();
        for (int i = 0; i < keys.size(); i++) {
            Keyed k = keys.get(i);
            List<Match> found = k.resolver().resolve(upload, maxResults);
            if (found.stream().anyMatch(m -> m.method().equals("embedded"))) {
                return found; // the file carries its manifest: no key is needed to say which
            }
            if (found.stream().anyMatch(m -> m.method().equals("watermark") || m.method().equals("store-assisted"))) {
                return keys.size() == 1 ? found : found.stream().map(m -> m.method().equals("fingerprint") ? m
                        : m.foundWith(k.keyId())).toList();
            }
            if (i == 0) {
                keyless = found; // fingerprint matches: the same whichever key looked
            }
        }
        return keyless;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Keyed k : keys) {
            try {
                k.verifier().close();
                if (k.owned().isPresent()) {
                    k.owned().get().close();
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
