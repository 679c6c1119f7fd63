package io.hallmark.keys;

import java.io.IOException;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * One RFC 3161 time-stamp request (SHA-256 message imprint, certificate requested) and the check of its answer,
 * so that code outside this module can ask a TSA without touching Bouncy Castle. Immutable, thread-safe.
 */
public final class TimeStampQuery {
    /** Why an answer is not a granted time-stamp for this request; the message says it in a few words. */
    public static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TimeStampRequest request;
    private final byte[] encoded;

    private TimeStampQuery(TimeStampRequest request) throws IOException {
        this.request = request;
        this.encoded = request.getEncoded();
    }

    /**
     * @param imprint the SHA-256 digest to be time-stamped, 32 bytes
     * @throws IllegalArgumentException when {@code imprint} is not 32 bytes
     * @throws IOException              when the request cannot be DER-encoded
     */
    public static TimeStampQuery sha256(byte[] imprint) throws IOException {
        if (imprint.length != 32) {
            throw new IllegalArgumentException("a SHA-256 imprint has 32 bytes, not " + imprint.length);
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return new TimeStampQuery(generator.generate(NISTObjectIdentifiers.id_sha256, imprint));
    }

    /** The DER request, the body of an {@code application/timestamp-query} POST (RFC 3161 section 3.4). */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * Checks that {@code answer} is a granted RFC 3161 response to this request with a time-stamp token.
     *
     * @throws Refused with "not an RFC 3161 time-stamp response (N bytes)", "not granted: STATUS" or similar
     */
    public void checkAnswer(byte[] answer) throws Refused {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new Refused("not an RFC 3161 time-stamp response (" + answer.length + " bytes)", e);
        }
        try {
            response.validate(request);
        } catch (TSPException e) {
            String status = response.getStatusString();
            throw new Refused("not granted: " + (status != null ? status : e.getMessage()), e);
        }
        if (response.getTimeStampToken() == null) {
            throw new Refused("not granted (status " + response.getStatus() + ")", null);
        }
    }
}
