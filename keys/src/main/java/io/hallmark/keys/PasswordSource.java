package io.hallmark.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the password that encrypts private keys at rest comes from.
 *
 * <p>{@link #forDirectory(Path)} / {@link #environmentOrFile(Path)}: {@code HALLMARK_KEY_PASSWORD} when set;
 * otherwise a random password generated on first use and kept in a 0600 file. That fallback is a
 * development convenience (the key files are still encrypted, and neither they nor the password file are
 * readable by other users, but anyone who can read the folder as you can use the keys); production keys
 * come from PKCS#12 or PKCS#11 with a real password.
 */
@FunctionalInterface
public interface PasswordSource {
    String ENVIRONMENT = "HALLMARK_KEY_PASSWORD";

    /** The password; a fresh array each time, which the caller may wipe. */
    char[] password() throws IOException;

    /** A fixed password (tests, or one read from a prompt). */
    static PasswordSource of(char[] password) {
        char[] copy = password.clone();
        return copy::clone;
    }

    /** The development PKI's password: {@code HALLMARK_KEY_PASSWORD}, else {@code pkiDir/.password} (generated). */
    static PasswordSource forDirectory(Path pkiDir) {
        return environmentOrFile(pkiDir.resolve(DevPki.PASSWORD_FILE));
    }

    /** {@code HALLMARK_KEY_PASSWORD} when set, else the password in {@code file}, generated there (0600) on first use. */
    static PasswordSource environmentOrFile(Path file) {
        return environmentOrFile(System.getenv(), file);
    }

    /** As {@link #environmentOrFile(Path)} with an explicit environment (testable). */
    static PasswordSource environmentOrFile(Map<String, String> environment, Path file) {
        return () -> {
            String env = environment.get(ENVIRONMENT);
            if (env != null && !env.isEmpty()) {
                return env.toCharArray();
            }
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.isEmpty()) {
                    throw new KeyException("the password file " + file + " is empty");
                }
                return stored.toCharArray();
            }
            byte[] random = new byte[24]; // 192 bits
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            SecureFiles.writePrivate(file, (generated + "\n").getBytes(StandardCharsets.UTF_8));
            return generated.toCharArray();
        };
    }
}
