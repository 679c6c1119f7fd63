package io.hallmark.watermark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that decides the watermark pattern: 32 bytes. Without it the mark can neither be found nor
 * forged; with a wrong key the detector sees nothing (that is tested). Never print the key itself: use
 * {@link #fingerprint()}.
 */
public final class WatermarkKey {
    public static final int LENGTH = 32;
    private final byte[] key;

    private WatermarkKey(byte[] key) {
        this.key = key;
    }

    public static WatermarkKey fromBytes(byte[] key32) {
        if (key32 == null || key32.length != LENGTH) {
            throw new IllegalArgumentException("a watermark key is exactly " + LENGTH + " bytes");
        }
        return new WatermarkKey(key32.clone());
    }

    /** SHA-256 of the UTF-8 text: convenient for tests and demos, as weak as the passphrase. */
    public static WatermarkKey fromPassphrase(String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        return new WatermarkKey(sha256(passphrase.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the key from {@code file} (64 hex digits), or creates the file with a fresh random key,
     * readable by the owner only (0600 where the file system has POSIX permissions). The file appears
     * complete or not at all: the key is written to a private temp file first and published with a hard
     * link, which fails if another process published first (then theirs is used); a concurrent reader never
     * sees an empty key file.
     */
    public static WatermarkKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] fresh = new byte[LENGTH];
        new SecureRandom().nextBytes(fresh);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] text = (HexFormat.of().formatHex(fresh) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, ".watermark-key", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".watermark-key", ".part");
        try {
            Files.write(temp, text, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file); // no hard links here: fails too if the file appeared meanwhile
            }
        } catch (FileAlreadyExistsException e) {
            return read(file); // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
        return new WatermarkKey(fresh);
    }

    /**
     * Reads an existing key file (64 hex digits).
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist (a key is never made up for a file
     *                                           the user named)
     * @throws IOException                       when it cannot be read or is not a key file
     */
    public static WatermarkKey load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    "no such watermark key file (only the home folder's key is created on first use)");
        }
        return read(file);
    }

    private static WatermarkKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new IOException("not a watermark key file (expected 64 hex digits): " + file);
        }
        return new WatermarkKey(HexFormat.of().parseHex(text));
    }

    /** First 8 bytes of SHA-256(key): a public name for the key, safe to print and to store in manifests. */
    public byte[] fingerprint() {
        return Arrays.copyOf(sha256(key), 8);
    }

    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint());
    }

    /** HMAC-SHA256(key, purpose || data): the keyed derivation behind every secret choice of the mark. */
    public byte[] derive(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(data);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint());
    }

    @Override
    public String toString() {
        return "WatermarkKey[" + fingerprintHex() + "]";
    }
}
