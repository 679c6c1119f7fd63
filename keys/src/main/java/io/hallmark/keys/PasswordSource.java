package io.hallmark.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the password that encrypts private keys at rest comes from.
 *
 * <p>{@link #environmentOrFile(Path)}: {@code HALLMARK_KEY_PASSWORD} when set; otherwise a random password
 * generated on first use and kept in a 0600 file. That fallback is a development convenience (the key
 * files are still encrypted, and never readable by other users); production keys come from PKCS#12 or
 * PKCS#11 with a real password.
 */
@FunctionalInterface
public interface PasswordSource {
    String ENVIRONMENT = "HALLMARK_KEY_PASSWORD";

    char[] password() throws IOException;

    static PasswordSource of(char[] password) {
        char[] copy = password.clone();
        return () -> copy.clone();
    }

    static PasswordSource environmentOrFile(Path file) {
        return () -> {
            String env = System.getenv(ENVIRONMENT);
            if (env != null && !env.isEmpty()) {
                return env.toCharArray();
            }
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            SecureFiles.writePrivate(file, generated.getBytes(StandardCharsets.UTF_8));
            return generated.toCharArray();
        };
    }
}
