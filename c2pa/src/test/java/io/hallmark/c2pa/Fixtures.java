package io.hallmark.c2pa;

import io.hallmark.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The c2pa-rs test credentials and settings, used to exercise the binding without our own PKI. */
final class Fixtures {
    private Fixtures() {}

    static Path video(String name) {
        return SharedData.c2paFixture("c2pa-rs/video/" + name);
    }

    static Path image(String name) {
        return SharedData.c2paFixture("c2pa-rs/image/" + name);
    }

    static String testRootBundle() throws IOException {
        return Files.readString(SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem"));
    }

    static String es256Chain() throws IOException {
        return Files.readString(SharedData.c2paFixture("c2pa-rs/certs/es256.pub"));
    }

    /** Signs like an HSM would: with a JCA key that never leaves Java. */
    static Signer.SignatureFunction es256Key() throws Exception {
        String pem = Files.readString(SharedData.c2paFixture("c2pa-rs/certs/es256.pem"));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return data -> {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        };
    }

    /** Offline verification settings; with the c2pa-rs test roots as anchors when {@code trusted}. */
    static Settings settings(boolean trusted) throws Exception {
        Settings settings = Settings.create().set("verify.remote_manifest_fetch", "false");
        if (trusted) {
            // the trust.anchors schema of c2pa-rs 0.91 (trust.trust_anchors is deprecated, gone in 0.92)
            settings.update("{\"trust\":{\"anchors\":[{\"trust_kind\":\"manifest\",\"trust_anchors\":"
                    + json(testRootBundle()) + "}]}}", "json");
        }
        return settings;
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}
