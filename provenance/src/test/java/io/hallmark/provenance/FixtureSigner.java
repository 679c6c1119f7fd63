package io.hallmark.provenance;

import io.hallmark.c2pa.SigningAlg;
import io.hallmark.testdata.SharedData;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** A ClaimSigner over the c2pa-rs test credential (ES256, "C2PA Test Signing Cert"). */
class FixtureSigner implements ClaimSigner {
    private final PrivateKey key;
    private final String chain;

    FixtureSigner() throws Exception {
        String pem = Files.readString(SharedData.c2paFixture("c2pa-rs/certs/es256.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        this.key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        this.chain = Files.readString(SharedData.c2paFixture("c2pa-rs/certs/es256.pub"));
    }

    static TrustSettings testRoots() throws Exception {
        return TrustSettings.anchorsFrom(SharedData.c2paFixture("c2pa-rs/certs/trust/test_cert_root_bundle.pem"));
    }

    @Override
    public SigningAlg algorithm() {
        return SigningAlg.ES256;
    }

    @Override
    public String certificateChainPem() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(toBeSigned);
        return s.sign();
    }
}
