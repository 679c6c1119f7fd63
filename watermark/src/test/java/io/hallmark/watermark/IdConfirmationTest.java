package io.hallmark.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Identification by confirmation: a candidate ID is confirmed where the blind decode cannot read it, never a wrong one. */
class IdConfirmationTest {
    private final WatermarkKey key = WatermarkKey.fromPassphrase("confirmation test");
    private final Payload payload = Payload.fromHex("5a17c0de00c0ffee");

    /** Marked (or not) frames with Gaussian noise of {@code sigma} levels added after marking (a lossy copy). */
    private DetectionResult detect(Payload marked, double strength, double sigma, int frames, long seed) {
        WatermarkEmbedder embedder = marked == null ? null
                : new WatermarkEmbedder(key, marked, EmbedOptions.DEFAULT.withStrength(strength));
        WatermarkDetector detector = new WatermarkDetector(key);
        Random noise = new Random(seed);
        for (int i = 0; i < frames; i++) {
            VideoFrame f = SyntheticVideo.textured(320, 240, i, seed);
            if (embedder != null) {
                f = embedder.embed(f);
            }
            byte[] y = f.y().clone();
            for (int p = 0; p < y.length; p++) {
                y[p] = (byte) Math.max(0, Math.min(255, (int) Math.round((y[p] & 0xff) + sigma * noise.nextGaussian())));
            }
            detector.accept(new VideoFrame(f.width(), f.height(), y, f.u(), f.v(), i, f.timestampMicros()));
        }
        return detector.result();
    }

    private static List<Payload> randomIds(int n, long seed) {
        Random r = new Random(seed);
        List<Payload> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Payload(r.nextLong()));
        }
        return out;
    }

    /** IDs that share the first {@code prefixBits} bits with {@code of} (its codeword's relatives), {@code of} excluded. */
    private static List<Payload> relatives(Payload of, int prefixBits, int n) {
        List<Payload> out = new ArrayList<>();
        long mask = -1L >>> prefixBits;
        for (long low = 0; out.size() < n; low++) {
            long bits = (of.bits() & ~mask) | (low & mask);
            if (bits != of.bits()) {
                out.add(new Payload(bits));
            }
        }
        return out;
    }

    @Test
    void confirmsACandidateWhereTheBlindDecodeReadsNothing() {
        // from a mark too weak to find, up through the strengths where the blind decode reads the ID itself
        List<Payload> ids = randomIds(10_000, 9);
        ids.add(payload);
        CandidateIndex index = new CandidateIndex(key, ids);
        int confirmedBelowBlind = 0;
        for (double strength = 0.15; strength <= 0.26; strength += 0.01) {
            DetectionResult r = detect(payload, strength, 6, 30, 5);
            java.util.Optional<IdConfirmation.Confirmed> c = IdConfirmation.confirm(r.idEvidence(), index,
                    IdConfirmation.DEFAULT_FALSE_IDENTIFICATION);
            c.ifPresent(x -> {
                assertEquals(payload, x.payload());
                assertTrue(x.pValue() <= 1e-9, "p " + x.pValue());
                assertEquals(10_001, x.candidates());
            });
            if (r.payload().isEmpty() && c.isPresent()) {
                confirmedBelowBlind++;
            }
            if (r.payload().isPresent()) {
                assertTrue(c.isPresent(), "what the blind decode reads, confirmation confirms (strength " + strength + ")");
            }
        }
        assertTrue(confirmedBelowBlind > 0, "confirmation reads IDs the blind decode cannot");
    }

    @Test
    void unmarkedVideoConfirmsNoneOfManyCandidates() {
        for (long seed = 21; seed < 24; seed++) {
            DetectionResult r = detect(null, 1, 2, 30, seed);
            CandidateIndex index = new CandidateIndex(key, randomIds(20_000, seed));
            assertTrue(IdConfirmation.confirm(r.idEvidence(), index, IdConfirmation.DEFAULT_FALSE_IDENTIFICATION).isEmpty());
            // the normalisation: a fixed codeword's score is at most unit-variance sub-Gaussian without the mark
            for (IdEvidence.Hypothesis h : r.idEvidence().hypotheses()) {
                double[] scores = index.scores(h);
                long beyond = java.util.Arrays.stream(scores).filter(t -> t >= 3).count();
                assertTrue(beyond <= 20_000 * Math.exp(-4.5) * 1.5 + 5, beyond + " of 20000 scored 3 or more");
            }
        }
    }

    @Test
    void theWrongKeyConfirmsNothing() {
        DetectionResult marked = detect(payload, 1, 2, 30, 31);
        WatermarkKey other = WatermarkKey.fromPassphrase("another publisher");
        WatermarkDetector detector = new WatermarkDetector(other);
        for (int i = 0; i < 30; i++) {
            detector.accept(new WatermarkEmbedder(key, payload).embed(SyntheticVideo.textured(320, 240, i, 31)));
        }
        List<Payload> ids = randomIds(5_000, 3);
        ids.add(payload);
        assertTrue(marked.payload().isPresent());
        assertTrue(IdConfirmation.confirm(detector.result().idEvidence(), new CandidateIndex(other, ids), 1e-9).isEmpty());
    }

    @Test
    void aVideoMarkedWithAnotherIdConfirmsNeitherStrangersNorRelatives() {
        // relatives share 56 or 48 leading bits with the mark's ID: their codewords agree with its codeword on
        // half or more of their length, so they score a large share of the true word's evidence (the verifier
        // never asks when the blind decode reads the ID, as at full strength; the rule holds without that)
        Payload truth = Payload.fromHex("0123456789abcdef");
        for (double strength : new double[] {0.2, 0.4, 1.0}) {
            DetectionResult r = detect(truth, strength, 6, 30, 41);
            List<Payload> ids = randomIds(20_000, 43);
            ids.addAll(relatives(truth, 56, 255));
            ids.addAll(relatives(truth, 48, 1000));
            assertTrue(IdConfirmation.confirm(r.idEvidence(), new CandidateIndex(key, ids), 1e-9).isEmpty(),
                    "strength " + strength + IdConfirmation.confirm(r.idEvidence(), new CandidateIndex(key, ids), 1e-9));
            ids.add(truth);
            assertEquals(truth, IdConfirmation.confirm(r.idEvidence(), new CandidateIndex(key, ids), 1e-9)
                    .orElseThrow().payload(), "strength " + strength);
        }
    }

    @Test
    void aStronglyMarkedCopyLendsRandomIdsNoMoreThanChance() {
        // the mark's own energy is in the soft values; a random codeword agrees with the true one on about half
        // its bits, so without normalising by the soft values' norm its score spreads far beyond unit variance
        // (the recovery bench confirmed 6 wrong IDs of 1e5 against 276 copies before this rule)
        Payload truth = Payload.fromHex("0123456789abcdef");
        List<Payload> ids = randomIds(100_000, 61);
        CandidateIndex index = new CandidateIndex(key, ids);
        for (double strength : new double[] {0.3, 1.0}) {
            DetectionResult r = detect(truth, strength, 2, 30, 63);
            assertTrue(IdConfirmation.confirm(r.idEvidence(), index, 1e-9).isEmpty(), "strength " + strength);
            for (IdEvidence.Hypothesis h : r.idEvidence().hypotheses()) {
                double[] scores = index.scores(h);
                long beyond = java.util.Arrays.stream(scores).filter(t -> t >= 3).count();
                assertTrue(beyond <= 100_000 * Math.exp(-4.5) * 1.5 + 5,
                        beyond + " of 100000 random IDs scored 3 or more at strength " + strength);
                double max = java.util.Arrays.stream(scores).max().orElseThrow();
                assertTrue(max < Math.sqrt(2 * Math.log(3 * 100_000 / 1e-3)), "best random ID scored " + max);
            }
        }
    }

    @Test
    void anIndexThatGrowsScoresAsOneBuiltAtOnce() {
        DetectionResult r = detect(payload, 0.4, 6, 30, 5);
        List<Payload> first = randomIds(500, 51);
        List<Payload> later = randomIds(500, 52);
        later.add(payload);
        later.add(first.get(3)); // already there: not added twice
        CandidateIndex grown = new CandidateIndex(key, first).with(later);
        List<Payload> all = new ArrayList<>(first);
        all.addAll(later);
        CandidateIndex once = new CandidateIndex(key, all);
        assertEquals(once.size(), grown.size());
        assertEquals(1001, grown.size());
        for (IdEvidence.Hypothesis h : r.idEvidence().hypotheses()) {
            assertEquals(java.util.Arrays.stream(once.scores(h)).boxed().toList(),
                    java.util.Arrays.stream(grown.scores(h)).boxed().toList());
        }
        assertEquals(payload, IdConfirmation.confirm(r.idEvidence(), grown, 1e-9).orElseThrow().payload());
        assertTrue(grown.with(first) == grown, "nothing new: the same index");
    }

    @Test
    void theBoundCountsEveryCandidateAndHypothesis() {
        double one = IdConfirmation.pValue(8, 1);
        assertEquals(3 * Math.exp(-32), one, 1e-20);
        assertEquals(1_000_000, IdConfirmation.pValue(8, 1_000_000) / one, 1e-3);
        assertEquals(1.0, IdConfirmation.pValue(-3, 10));
        assertEquals(0.0, IdConfirmation.pValue(60, 1), 1e-300);
    }
}
