package io.hallmark.provenance;

import io.hallmark.c2pa.SigningAlg;
import io.hallmark.keys.SigningCredential;

/** {@link ClaimSigner}s over the keys module's credentials (software keys, PKCS#12, PKCS#11). */
public final class ClaimSigners {
    private ClaimSigners() {}

    public static ClaimSigner of(SigningCredential credential) {
        return new ClaimSigner() {
            @Override
            public SigningAlg algorithm() {
                return SigningAlg.of(credential.algorithm().c2paName());
            }

            @Override
            public String certificateChainPem() {
                return credential.chainPem();
            }

            @Override
            public byte[] sign(byte[] toBeSigned) throws Exception {
                return credential.sign(toBeSigned);
            }

            @Override
            public String toString() {
                return "ClaimSigner[" + credential + "]";
            }
        };
    }
}
