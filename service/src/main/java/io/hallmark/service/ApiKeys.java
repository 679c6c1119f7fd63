package io.hallmark.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API keys: only their SHA-256 is stored, one key per line as {@code sha256hex name scope[,scope...]}. A request
 * names its key as {@code Authorization: Bearer KEY}. Immutable once loaded, thread-safe.
 */
public final class ApiKeys {
    /** May upload files for verification (and {@code byContent}). */
    public static final String VERIFY = "verify";
    /** May read manifests and matches from the Soft Binding Resolution API. */
    public static final String FETCH_MANIFESTS = "fetch:manifests";
    /** May register manifests. */
    public static final String WRITE_MANIFESTS = "write:manifests";
    /** May read {@code /metrics} (a Prometheus scraper's key). */
    public static final String READ_METRICS = "read:metrics";
    static final Set<String> SCOPES = Set.of(VERIFY, FETCH_MANIFESTS, WRITE_MANIFESTS, READ_METRICS);

    /** Who called, and what they may do. @param name the key's name @param scopes what it allows */
    public record Caller(String name, Set<String> scopes) {
    }

    private final Map<String, Caller> byHash;

    private ApiKeys(Map<String, Caller> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /**
     * @param file the key file
     * @return its keys
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException for a malformed line or an unknown scope (with its line number)
     */
    public static ApiKeys load(Path file) throws IOException {
        Map<String, Caller> keys = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3 || !f[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'sha256hex name scopes'");
            }
            Set<String> scopes = Set.of(f[2].split(","));
            if (!SCOPES.containsAll(scopes)) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": scopes are " + SCOPES);
            }
            keys.put(f[0], new Caller(f[1], scopes));
        }
        return new ApiKeys(keys);
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @return the caller its key belongs to, or empty for a missing, malformed or unknown key
     */
    public Optional<Caller> caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(authorization.substring("Bearer ".length()).strip())));
    }

    /**
     * Makes a new key: returns it (shown once) and the line to add to the key file.
     *
     * @param name   who the key is for (no spaces)
     * @param scopes what it allows
     * @return {@code [key, line]}
     * @throws IllegalArgumentException for a name with spaces or an unknown scope
     */
    public static String[] create(String name, Set<String> scopes) {
        if (name.isBlank() || name.matches(".*\\s.*") || !SCOPES.containsAll(scopes) || scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs a name without spaces and scopes among " + SCOPES);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "hmk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new String[] {key, hash(key) + " " + name + " " + String.join(",", scopes.stream().sorted().toList())};
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
