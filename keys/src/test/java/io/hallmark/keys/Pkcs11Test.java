package io.hallmark.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key on a PKCS#11 token through SunPKCS11, with SoftHSM 2 as the token. Runs where SoftHSM is installed
 * (apt-get install softhsm2) and SOFTHSM2_CONF is set (the module's surefire configuration does it);
 * skipped elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11Test {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final char[] PIN = "123456".toCharArray();

    @TempDir
    static Path dir;
    static Path config;
    static DevPki pki;
    static SigningCredential signer;

    @BeforeAll
    static void tokenWithOurSigner() throws Exception {
        String softHsmConf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(Files.isReadable(LIBRARY) && softHsmConf != null, "SoftHSM 2 not installed or SOFTHSM2_CONF not set");
        Path conf = Path.of(softHsmConf);
        Path tokens = conf.resolveSibling("tokens");
        if (Files.isDirectory(tokens)) {
            try (var old = Files.walk(tokens)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "hallmark",
                "--pin", new String(PIN), "--so-pin", "654321").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes());
        assertTrue(init.waitFor(30, TimeUnit.SECONDS) && init.exitValue() == 0, output);

        config = Files.writeString(dir.resolve("pkcs11.cfg"), "name = SoftHSM\nlibrary = " + LIBRARY + "\nslotListIndex = 0\n");
        pki = DevPki.loadOrCreate(dir.resolve("pki"), SigningAlgorithm.ES256, PasswordSource.of("pw".toCharArray()));
        signer = pki.issueSigner(CertificateBuilder.claimSigner("HSM signer"), SigningAlgorithm.ES256);
        // Import the key and chain onto the token, as an HSM administrator would.
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN);
        token.setKeyEntry("claim-signer", signer.privateKey(), null, signer.chain().toArray(Certificate[]::new));
        // The login is shared by the whole process: log out so that the tests below must log in with their PIN.
        ((java.security.AuthProvider) provider).logout();
    }

    @Test
    @Order(2)
    void aTokenKeySignsWhatItsCertificateVerifies() throws Exception {
        SigningCredential hsm = SigningCredential.fromPkcs11(config, PIN, "claim-signer");
        assertEquals(SigningAlgorithm.ES256, hsm.algorithm());
        assertEquals(signer.chain(), hsm.chain());
        byte[] data = "to be signed".getBytes();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(hsm.certificate());
        verify.update(data);
        assertTrue(verify.verify(hsm.sign(data)));
        assertEquals(List.of(), CertificateProfile.check(hsm.chain()));
    }

    @Test
    @Order(1) // before any successful login: a logged-in token accepts any PIN for the rest of the process
    void aWrongPinOrAliasIsNamed() {
        KeyException pin = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs11(config, "000000".toCharArray(), null));
        assertEquals("wrong PIN for the PKCS#11 token of " + config, pin.getMessage());
        KeyException alias = assertThrows(KeyException.class, () -> SigningCredential.fromPkcs11(config, PIN, "nobody"));
        assertTrue(alias.getMessage().contains("no private key 'nobody'"), alias.getMessage());
    }
}
