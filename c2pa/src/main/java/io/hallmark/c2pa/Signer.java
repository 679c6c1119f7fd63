package io.hallmark.c2pa;

import com.sun.jna.Pointer;
import io.hallmark.c2pa.internal.LibC2pa;
import io.hallmark.c2pa.internal.Native;
import io.hallmark.c2pa.internal.NativeHandle;

/**
 * A c2pa-rs signer whose signature is computed in Java: c2pa-rs passes the COSE to-be-signed bytes to
 * {@link SignatureFunction}, so private keys (JCA, PKCS#12, PKCS#11/HSM) never cross into native code.
 */
public final class Signer extends NativeHandle {
    /** Signs the bytes with the algorithm's hash (ECDSA may return DER; c2pa-rs converts it). */
    @FunctionalInterface
    public interface SignatureFunction {
        /**
         * Called by c2pa-rs on the signing thread, once per signature.
         *
         * @param toBeSigned the COSE Sig_structure bytes
         * @return the signature, at most {@link #reserveSize()} bytes
         * @throws Exception any failure; c2pa-rs then fails the sign and {@link #lastFailure()} keeps it
         */
        byte[] sign(byte[] toBeSigned) throws Exception;
    }

    // Strongly reachable for the life of the native signer (it calls back on every sign).
    private final LibC2pa.SignerCallback callback;
    private volatile Exception lastFailure;

    private Signer(SignatureFunction function, SigningAlg alg, String certChainPem, String tsaUrl) throws C2paException {
        super(null, "signer");
        this.callback = (ctx, data, len, out, outLen) -> {
            try {
                byte[] signature = function.sign(data.getByteArray(0, (int) len));
                if (signature.length > outLen) {
                    throw new IllegalStateException("signature of " + signature.length + " bytes exceeds "
                            + outLen + " reserved");
                }
                out.write(0, signature, 0, signature.length);
                return signature.length;
            } catch (Exception e) {
                lastFailure = e;
                return -1;
            }
        };
        Pointer p = Native.lib().c2pa_signer_create(null, callback, alg.ordinal(), certChainPem, tsaUrl);
        replace(Native.check(p, "create signer"));
    }

    /**
     * A callback signer ({@code c2pa_signer_create}). Thread-safe as far as {@code function} is.
     *
     * @param function     computes the signature in Java
     * @param alg          the COSE algorithm the key signs with
     * @param certChainPem end-entity certificate first, then intermediates, without the root
     * @param tsaUrl       RFC 3161 time-stamp authority, or null for none
     * @return a signer the caller closes
     * @throws C2paException when the certificate chain does not parse
     */
    public static Signer create(SignatureFunction function, SigningAlg alg, String certChainPem, String tsaUrl)
            throws C2paException {
        return new Signer(function, alg, certChainPem, tsaUrl);
    }

    /**
     * @return bytes c2pa-rs reserves for the signature box
     * @throws C2paException when the library cannot tell
     */
    public long reserveSize() throws C2paException {
        return Native.check(Native.lib().c2pa_signer_reserve_size(pointer()), "reserve size");
    }

    /** @return why the Java signature function last failed (c2pa-rs only reports a generic COSE error), or null */
    public Exception lastFailure() {
        return lastFailure;
    }
}
