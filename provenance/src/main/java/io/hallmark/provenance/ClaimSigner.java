package io.hallmark.provenance;

import io.hallmark.c2pa.SigningAlg;

/**
 * Signs C2PA claims. Like Bouncy Castle's ContentSigner: a small interface with several implementations
 * (a JCA key, a PKCS#12 file, a PKCS#11 token: see {@code io.hallmark.keys.SigningCredential}), so the
 * private key stays wherever it lives and c2pa-rs only ever sees signatures.
 */
public interface ClaimSigner {
    SigningAlg algorithm();

    /** End-entity certificate first, then intermediates, without the root, PEM. */
    String certificateChainPem();

    /** Signs the COSE to-be-signed bytes with the algorithm's hash. */
    byte[] sign(byte[] toBeSigned) throws Exception;
}
