package io.hallmark.verify;

import io.hallmark.media.MediaLimits;
import io.hallmark.provenance.ReadLimits;
import java.time.Duration;

/**
 * Every bound the verifier puts on hostile input and outside answers, in one immutable, documented place (in
 * the spirit of Jackson's StreamReadConstraints); changed through {@code with*} copies.
 *
 * @param media             frame size and frame count a decode accepts ({@link MediaLimits#DEFAULT}: 8K, 2 h at 30 fps)
 * @param c2pa              what is checked before a file reaches c2pa-rs ({@link ReadLimits#DEFAULT}: 4,096 top-level boxes)
 * @param decodeTimeout     time to decode one file in a worker process (default 300 s); past it the worker is
 *                          killed and the file reported as not decoded
 * @param decoderHeap       heap of each decoder worker process (default "1g")
 * @param lookupDeadline    one deadline for a whole remote-store look-up, bodies included (default 30 s)
 * @param maxLookupAnswer   bytes of a remote store's query answer ever read (default 1 MiB)
 * @param maxRemoteManifest bytes of one manifest store from a remote store ever read (default 32 MiB)
 */
public record VerifierLimits(MediaLimits media, ReadLimits c2pa, Duration decodeTimeout, String decoderHeap,
                             Duration lookupDeadline, int maxLookupAnswer, int maxRemoteManifest) {
    public static final VerifierLimits DEFAULT = new VerifierLimits(MediaLimits.DEFAULT, ReadLimits.DEFAULT,
            Duration.ofSeconds(300), "1g", Duration.ofSeconds(30), 1 << 20, 32 << 20);

    public VerifierLimits {
        if (decodeTimeout.isNegative() || decodeTimeout.isZero() || lookupDeadline.isNegative() || lookupDeadline.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (!decoderHeap.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException("decoder heap must look like 512m or 1g: " + decoderHeap);
        }
        if (maxLookupAnswer < 1 || maxRemoteManifest < 1) {
            throw new IllegalArgumentException("byte limits must be positive");
        }
    }

    public VerifierLimits withDecodeTimeout(Duration timeout) {
        return new VerifierLimits(media, c2pa, timeout, decoderHeap, lookupDeadline, maxLookupAnswer, maxRemoteManifest);
    }

    public VerifierLimits withDecoderHeap(String heap) {
        return new VerifierLimits(media, c2pa, decodeTimeout, heap, lookupDeadline, maxLookupAnswer, maxRemoteManifest);
    }

    public VerifierLimits withLookupDeadline(Duration deadline) {
        return new VerifierLimits(media, c2pa, decodeTimeout, decoderHeap, deadline, maxLookupAnswer, maxRemoteManifest);
    }

    public VerifierLimits withReadLimits(ReadLimits limits) {
        return new VerifierLimits(media, limits, decodeTimeout, decoderHeap, lookupDeadline, maxLookupAnswer, maxRemoteManifest);
    }
}
