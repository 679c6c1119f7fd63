package io.hallmark.verify;

import io.hallmark.fingerprint.ContentComparison;
import io.hallmark.fingerprint.Reorientation;
import io.hallmark.fingerprint.VideoFingerprint;
import io.hallmark.provenance.ProvenanceReader;
import io.hallmark.provenance.manifest.ContentFingerprint;
import io.hallmark.provenance.store.FingerprintMatch;
import io.hallmark.provenance.store.LookupUnavailable;
import io.hallmark.provenance.TrustSettings;
import io.hallmark.provenance.report.C2paReport;
import io.hallmark.provenance.report.SourceDisclosure;
import io.hallmark.provenance.store.ManifestLookup;
import io.hallmark.provenance.store.SoftBindingApi;
import io.hallmark.provenance.store.SoftBindingClient;
import io.hallmark.provenance.store.StoredManifest;
import io.hallmark.watermark.CandidateIndex;
import io.hallmark.watermark.DetectionResult;
import io.hallmark.watermark.IdConfirmation;
import io.hallmark.watermark.Payload;
import io.hallmark.watermark.WatermarkKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one file: the embedded C2PA manifest (c2pa-rs), the watermark (videos), their agreement, and —
 * when the credentials are gone but the watermark is there — the manifest store. A manifest found through
 * the watermark is reported as this file's only when the file's content fingerprint matches the one that
 * manifest records (else {@link Verdict#MARK_MISMATCH}, or {@link Verdict#WATERMARK_ONLY} when it cannot be
 * compared). When nothing stronger is found, the store's fingerprint look-up adds "possible matches".
 */
public final class Verifier implements AutoCloseable {
    /** Leads listed when a file's content resembles stored manifests. */
    static final int MAX_POSSIBLE_MATCHES = 5;
    /**
     * Bound on confirming a wrong ID, per video and per test ({@link IdConfirmation}): a video is tested against the
     * store's IDs and against its fingerprint leads' IDs, so the two together stay within the default 1e-9.
     */
    static final double MAX_FALSE_IDENTIFICATION = IdConfirmation.DEFAULT_FALSE_IDENTIFICATION / 2;

    private final ProvenanceReader c2pa;
    private final TrustSettings trust;
    private final VideoInspector inspector;
    private final Optional<? extends ManifestLookup> store;
    private final boolean watermarkKeyHeld;
    private final List<SoftBindingClient> resolvers;
    /** The store's IDs (sorted) encoded under the key, kept while the key holds; new IDs are added as the store grows (~6 us an ID). */
    private volatile Candidates candidates;

    private record Candidates(String keyFingerprint, long[] ids, CandidateIndex index) {
    }

    /** Decodes in this process: for files you trust (your own outputs). */
    public Verifier(TrustSettings trust, WatermarkKey key, Optional<? extends ManifestLookup> store) throws IOException {
        this(trust, new InProcessInspector(key), store);
    }

    /** @param inspector how videos are decoded: in process, or isolated in worker processes for untrusted files */
    public Verifier(TrustSettings trust, VideoInspector inspector, Optional<? extends ManifestLookup> store) throws IOException {
        this(trust, inspector, store, VerifierLimits.DEFAULT);
    }

    /** @param limits the bounds on C2PA reads (the decoding bounds belong to the {@code inspector}) */
    public Verifier(TrustSettings trust, VideoInspector inspector, Optional<? extends ManifestLookup> store,
                    VerifierLimits limits) throws IOException {
        this(trust, inspector, store, limits, true, List.of());
    }

    /**
     * @param watermarkKeyHeld false when this machine holds no watermark key: the inspector's detection (made with a
     *                         throw-away key) is ignored and the report says the mark was not checked here
     * @param resolvers        Soft Binding Resolution services that hold the key, asked ({@code byContent}) for a video
     *                         without credentials whose mark this verifier could not read itself; a manifest they
     *                         name is reported only when the content check confirms it (their word is not enough)
     */
    public Verifier(TrustSettings trust, VideoInspector inspector, Optional<? extends ManifestLookup> store,
                    VerifierLimits limits, boolean watermarkKeyHeld, List<SoftBindingClient> resolvers) throws IOException {
        this.c2pa = new ProvenanceReader(trust, limits.c2pa());
        this.trust = trust;
        this.inspector = inspector;
        this.store = store;
        this.watermarkKeyHeld = watermarkKeyHeld;
        this.resolvers = List.copyOf(resolvers);
    }

    public VerificationReport verify(Path file) {
        List<String> notes = new ArrayList<>();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return VerificationReport.error(file, "no such readable file");
        }
        MediaKind kind;
        try {
            kind = MediaKind.sniff(file);
        } catch (IOException e) {
            return VerificationReport.error(file, "cannot read: " + e.getMessage());
        }
        if (kind == MediaKind.UNSUPPORTED) {
            return VerificationReport.error(file, "not a supported media file (video: MP4, MOV, MKV, WebM, AVI; "
                    + "images: JPEG, PNG, WebP, GIF, TIFF, HEIC, AVIF; audio: M4A, WAV)");
        }
        C2paReport manifest;
        try {
            manifest = c2pa.read(file);
        } catch (IOException e) {
            manifest = C2paReport.unreadable(e.getMessage());
        }
        Optional<DetectionResult> mark = Optional.empty();
        Optional<VideoFingerprint> seen = Optional.empty();
        Optional<byte[]> thumbnail = Optional.empty();
        Optional<byte[]> strip = Optional.empty();
        if (kind == MediaKind.VIDEO) {
            VideoInspector.Inspection inspection = inspector.inspect(file);
            mark = inspection.detection();
            seen = inspection.fingerprint();
            thumbnail = inspection.thumbnailJpeg();
            strip = inspection.frameStripJpeg();
            inspection.error().ifPresent(e -> notes.add("The video could not be decoded for watermark detection: " + e));
            if (!watermarkKeyHeld) {
                mark = Optional.empty();
                notes.add("This machine holds no watermark key, so the watermark was not checked here"
                        + (resolvers.isEmpty() ? " (name the publisher's resolver with --resolver URL)." : "."));
                manifest.softBindingValue().ifPresent(v -> notes.add("The manifest declares a watermark (ID " + v
                        + ") that could not be checked here."));
            }
        } else {
            notes.add((kind == MediaKind.AUDIO ? "Audio files" : "Images")
                    + " are checked for C2PA credentials only (the watermark is for video).");
        }
        // look-ups that could not be made now: with nothing found otherwise, they leave no verdict to give
        List<String> unavailable = new ArrayList<>();
        // the fingerprint look-up: made at most once, when confirmation or the verdict needs it
        Optional<VideoFingerprint> seenFingerprint = seen;
        java.util.function.Supplier<List<FingerprintMatch>> lookalikes = memoized(() -> seenFingerprint.isPresent()
                && store.isPresent() ? possibleMatches(seenFingerprint.get(), notes, unavailable) : List.of());
        Optional<io.hallmark.watermark.WatermarkKey> confirmationKey = watermarkKeyHeld ? inspector.watermarkKey() : Optional.empty();
        if (!manifest.present() && store.isPresent() && mark.isPresent() && mark.get().payload().isEmpty()
                && confirmationKey.isPresent() && !mark.get().idEvidence().hypotheses().isEmpty()) {
            // The ID did not decode on its own: confirm it against every ID the store holds, then against the IDs of
            // the manifests whose content this file resembles (few candidates: a lower bar at the same bound).
            mark = Optional.of(confirmAgainstStore(mark.get(), confirmationKey.get(), notes, unavailable));
            if (mark.get().payload().isEmpty()) {
                mark = Optional.of(confirmAgainstLeads(mark.get(), confirmationKey.get(), lookalikes.get(), notes));
            }
        }
        Optional<String> payload = mark.filter(DetectionResult::detected).flatMap(DetectionResult::payload)
                .map(p -> p.hex());

        Optional<Boolean> bindingMatches = Optional.empty();
        if (payload.isPresent() && manifest.softBindingValue().isPresent()) {
            boolean same = manifest.softBindingValue().get().equalsIgnoreCase(payload.get());
            bindingMatches = Optional.of(same);
            if (!same) {
                notes.add("The watermark carries payload " + payload.get() + " but the manifest's soft binding says "
                        + manifest.softBindingValue().get() + ": the credentials belong to another video.");
            }
        }

        // The content check looks at every frame at unpredictable times, decoded once more, only when needed.
        // A copy the detector found mirrored, rotated or stretched is turned back before it is compared.
        Reorientation reorientation = mark.map(DetectionResult::geometry).filter(g -> !g.isNone())
                .map(g -> new Reorientation(g.rotationDegrees(), g.stretchX(), g.mirrored())).orElse(Reorientation.NONE);
        java.util.function.Supplier<Optional<VideoFingerprint>> audited = memoized(() -> {
            VideoInspector.Audit a = inspector.audit(file, reorientation);
            a.error().ifPresent(e -> notes.add("The video could not be decoded again to check its content: " + e));
            return a.fingerprint();
        });
        // Recovery is for copies whose credentials are gone; an embedded manifest that fails is tampering.
        Recovery recovery = Recovery.NONE;
        if (!manifest.present() && payload.isPresent() && store.isPresent()) {
            recovery = recoverFromStore(file, payload.get(), audited, notes, unavailable);
        }
        // A resolver that holds the key is asked when this verifier could not read the mark itself.
        if (!manifest.present() && !recovery.decided() && kind == MediaKind.VIDEO && (!watermarkKeyHeld || payload.isEmpty())) {
            recovery = recoverThroughResolvers(file, audited, reorientation, notes, unavailable);
        }
        boolean markFound = mark.map(DetectionResult::detected).orElse(false) || recovery.resolverFoundMark();
        VerdictRules.Evidence evidence = new VerdictRules.Evidence(VerdictRules.Credentials.of(manifest), bindingMatches,
                recovery.recovered().isPresent(), recovery.mismatchedId().isPresent(), markFound, !unavailable.isEmpty());
        VerdictRules.Decision decision = VerdictRules.decide(evidence);
        List<FingerprintMatch> leads = List.of(); // shown only where nothing better was found
        if ((decision.verdict() == Verdict.WATERMARK_ONLY || decision.verdict() == Verdict.NO_PROVENANCE)
                && seen.isPresent() && store.isPresent()) {
            leads = lookalikes.get();
            decision = VerdictRules.decide(new VerdictRules.Evidence(evidence.credentials(), bindingMatches,
                    false, false, markFound, !unavailable.isEmpty()));
        }
        if (decision.retryable()) {
            // "nothing found" is not an answer when the places it would be found in could not be asked
            return VerificationReport.retryableError(file, "the manifest look-up could not be made now ("
                    + String.join("; ", unavailable) + "); no verdict was reached: try again later", notes);
        }
        Verdict verdict = decision.verdict();
        String sentence = sentence(verdict, kind, manifest, recovery, mark, payload);
        if (!leads.isEmpty()) {
            FingerprintMatch best = leads.get(0);
            sentence += "; possible match in the store: manifest " + best.manifestId() + " (similarity "
                    + best.similarityScore() + " %, a resemblance, not proof)";
        }
        Optional<C2paReport> recovered = verdict == Verdict.RECOVERED ? recovery.recovered() : Optional.empty();
        Optional<String> recoveredId = verdict == Verdict.RECOVERED ? recovery.recoveredId() : Optional.empty();
        Optional<ContentComparison> contentCheck = recovery.contentCheck();
        C2paReport shown = recovered.orElse(manifest);
        List<String> trustedBy = (verdict == Verdict.SIGNED || verdict == Verdict.RECOVERED) && signerTrusted(shown)
                ? trust.trustedBy(shown.signer()).lists() : List.of();
        return new VerificationReport(file, verdict, sentence, manifest, mark, recovered, recoveredId, bindingMatches,
                List.copyOf(notes), Optional.empty(), thumbnail, strip, contentCheck, leads, trustedBy, false,
                recovery.pointedId());
    }

    /**
     * What a recovery strategy found: a manifest this file was shown to be the signed content of ({@code recovered}),
     * or shown not to be ({@code mismatchedId}); the content check behind either; the resolver that answered; and
     * whether a resolver found the mark even where the content could not be compared.
     */
    private record Recovery(Optional<C2paReport> recovered, Optional<String> recoveredId, Optional<String> mismatchedId,
                            Optional<ContentComparison> contentCheck, Optional<String> resolvedBy, boolean resolverFoundMark,
                            Optional<String> resolverLead, Optional<String> pointedId) {
        static final Recovery NONE = new Recovery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());

        /** Whether the content was shown to be, or not to be, a manifest's: nothing further to ask. */
        boolean decided() {
            return recovered.isPresent() || mismatchedId.isPresent();
        }
    }

    /**
     * Recovery through the store: the manifest registered for the mark's ID, reported as this file's only when the
     * content check shows this file is its signed content (the mark says "made by this key for manifest X"; whether
     * this file is X's content is for the fingerprint X's signer recorded: a mark copied onto other footage fails).
     */
    private Recovery recoverFromStore(Path file, String payload, java.util.function.Supplier<Optional<VideoFingerprint>> audited,
                                      List<String> notes, List<String> unavailable) {
        try {
            List<StoredManifest> found = store.get().findByPayload(payload);
            if (found.isEmpty()) {
                notes.add("Watermark payload " + payload + " is not in the manifest store " + store.get().describe());
                return Recovery.NONE;
            }
            StoredManifest m = found.get(0);
            // A remote service returns only the manifest store: let c2pa-rs read (and check the signature of) it
            // against this copy; its hard binding cannot match a re-encoded copy.
            C2paReport candidate = recoveredReport(file, m);
            Optional<ContentComparison> check = compareContent(audited, candidate, payload, notes);
            ContentComparison.Decision decision = check.map(ContentComparison::decision)
                    .orElse(ContentComparison.Decision.INCONCLUSIVE);
            if (decision == ContentComparison.Decision.MATCH) {
                notes.add("The recovered manifest binds to the original encode; this copy's bytes differ "
                        + "(re-encoded), which is expected for a copy that lost its credentials.");
                String id = signedId(candidate, m.manifestId(), notes);
                return new Recovery(Optional.of(candidate), Optional.of(id), Optional.empty(), check, Optional.empty(), false,
                        Optional.empty(), Optional.of(id));
            }
            String id = signedId(candidate, m.manifestId(), notes);
            Optional<String> mismatched = decision == ContentComparison.Decision.MISMATCH ? Optional.of(id) : Optional.empty();
            return new Recovery(Optional.empty(), Optional.empty(), mismatched, check, Optional.empty(), false, Optional.empty(),
                    Optional.of(id));
        } catch (IOException e) {
            notes.add("Manifest store lookup failed: " + e.getMessage());
            unreachable(e, unavailable);
            return Recovery.NONE;
        }
    }

    /**
     * Recovery through resolvers that hold the key ({@code byContent}): what one names is confirmed by the content
     * check exactly as a manifest found through our own store, in the orientation its mark showed.
     */
    private Recovery recoverThroughResolvers(Path file, java.util.function.Supplier<Optional<VideoFingerprint>> audited,
                                             Reorientation reorientation, List<String> notes, List<String> unavailable) {
        Recovery lead = Recovery.NONE;
        for (SoftBindingClient resolver : resolvers) {
            try {
                Optional<SoftBindingClient.ContentMatch> best = resolver.findByContent(file, 3).stream()
                        .filter(m -> m.method().equals("watermark") || m.method().equals("store-assisted")).findFirst();
                if (best.isEmpty()) {
                    // it answers only for a manifest whose content it confirmed: silence is not "no mark"
                    notes.add("Resolver " + resolver.describe() + " named no manifest through a watermark (it found "
                            + "no mark, or none whose signed content this file matches).");
                    continue;
                }
                String id = best.get().manifestId();
                Optional<byte[]> bytes = resolver.fetchManifest(id);
                if (bytes.isEmpty()) {
                    notes.add("Resolver " + resolver.describe() + " named manifest " + id + " but did not return it.");
                    lead = new Recovery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), true, Optional.of(id), Optional.of(id));
                    continue;
                }
                C2paReport candidate = recoveredReport(file, new StoredManifest(id, null, SoftBindingApi.ALGORITHM,
                        null, java.time.Instant.EPOCH, bytes.get(), null, null));
                // checked the way the resolver checked it: turned back as its mark showed the copy turned
                Reorientation turned = best.get().geometry();
                java.util.function.Supplier<Optional<VideoFingerprint>> audit = turned.equals(Reorientation.NONE)
                        || !reorientation.equals(Reorientation.NONE) ? audited : memoized(() -> {
                            VideoInspector.Audit a = inspector.audit(file, turned);
                            a.error().ifPresent(e -> notes.add("The video could not be decoded again to check its content: " + e));
                            return a.fingerprint();
                        });
                Optional<ContentComparison> check = compareContent(audit, candidate,
                        candidate.softBindingValue().orElse(""), notes);
                ContentComparison.Decision decision = check.map(ContentComparison::decision)
                        .orElse(ContentComparison.Decision.INCONCLUSIVE);
                if (decision == ContentComparison.Decision.MATCH) {
                    notes.add("Resolved by " + resolver.describe() + ", which holds the publisher's watermark key "
                            + "(it found the mark by its " + best.get().method() + "); the content check confirmed it.");
                    String signed = signedId(candidate, id, notes);
                    return new Recovery(Optional.of(candidate), Optional.of(signed), Optional.empty(),
                            check, Optional.of(resolver.describe()), true, Optional.of(id), Optional.of(signed));
                }
                if (decision == ContentComparison.Decision.MISMATCH) {
                    String signed = signedId(candidate, id, notes);
                    return new Recovery(Optional.empty(), Optional.empty(), Optional.of(signed),
                            check, Optional.of(resolver.describe()), true, Optional.of(id), Optional.of(signed));
                }
                lead = new Recovery(Optional.empty(), Optional.empty(), Optional.empty(), check,
                        Optional.of(resolver.describe()), true, Optional.of(id), Optional.of(signedId(candidate, id, notes)));
            } catch (IOException | RuntimeException e) {
                notes.add("Resolver " + resolver.describe() + " could not be asked: " + e.getMessage());
                unreachable(e, unavailable);
            }
        }
        return lead;
    }

    /**
     * The failures that are evidence of tampering, for the TAMPERED sentence: an untrusted signer is a question of trust,
     * not a cause of tampering, and is left out (it is still in the report's codes).
     */
    static List<String> tamperingCodes(C2paReport manifest) {
        List<String> codes = manifest.failureCodes().stream().filter(c -> !c.equals("signingCredential.untrusted")).toList();
        return codes.isEmpty() ? List.of("soft binding mismatch") : codes;
    }

    /** The verdict in one sentence, with who signed and when, or why nothing more can be said. */
    private String sentence(Verdict verdict, MediaKind kind, C2paReport manifest, Recovery recovery,
                            Optional<DetectionResult> mark, Optional<String> payload) {
        boolean confirmed = mark.map(DetectionResult::idConfirmed).orElse(false);
        return switch (verdict) {
            case SIGNED -> signedSentence(manifest);
            case UNVERIFIABLE -> manifest.invalidOnlyBecauseExpired()
                    ? "Cannot be verified: signed" + manifest.signer().map(s -> " by " + s).orElse("") + " with a certificate "
                            + "that has expired since, and no trusted time-stamp shows it was valid when the file was signed"
                            + (manifest.hardBindingMatched() ? "; the file has not changed since it was signed (its hashes "
                                    + "match), so this is not evidence of tampering" : "")
                    : "Cannot be verified: " + C2paReport.unverifiableReason(manifest.error().orElse("no reason given"));
            case DAMAGED -> "Credentials damaged: the file carries a C2PA manifest that cannot be read ("
                    + manifest.error().orElse("no reason given") + "), so nothing it claimed can be checked; that alone does "
                    + "not show the content changed. Ask the sender for the original file";
            case TAMPERED -> "Tampered: the " + (kind == MediaKind.VIDEO ? "video" : "file")
                    + " changed after signing, or its credentials are damaged ("
                    + String.join(", ", tamperingCodes(manifest)) + ")";
            case RECOVERED -> (confirmed ? "Watermark found (ID confirmed against the store's " + mark.get().idCandidates()
                            + " IDs), credentials stripped — " : "Watermark found, credentials stripped — ")
                    + recovery.resolvedBy().map(r -> "recovered through " + r + ": ").orElse("recovered from the store: ")
                    + signedSentence(recovery.recovered().get()).replaceFirst("^Signed", "signed");
            case MARK_MISMATCH -> "This video carries a Hallmark watermark copied from another video: its content does not "
                    + "match the manifest the mark points to (" + recovery.mismatchedId().get() + ")";
            case WATERMARK_ONLY -> payload.isPresent()
                    ? "Carries a Hallmark watermark (ID " + payload.get() + "), but no signed manifest could be "
                            + "confirmed for this content; the mark alone does not show who made the video"
                    : recovery.resolverLead().isPresent()
                            ? "Carries a Hallmark watermark: " + recovery.resolvedBy().orElse("the resolver") + " found it and "
                                    + "it points to manifest " + recovery.resolverLead().get() + ", but this content could not "
                                    + "be confirmed as that manifest's here; the mark alone does not show who made the video"
                            : "A Hallmark watermark pattern is present, but its ID could not be read; this alone does not "
                                    + "show who made the video or how";
            case NO_PROVENANCE -> "No provenance found";
            case ERROR -> "Could not be checked";
        };
    }

    /**
     * The detection with its ID confirmed against the store's IDs, when one is ({@link IdConfirmation}); else
     * as it was. Only with the key the detection was made with, and only for a store that can list its IDs.
     */
    private DetectionResult confirmAgainstStore(DetectionResult mark, WatermarkKey key, List<String> notes,
                                                List<String> unavailable) {
        long[] ids;
        try {
            ids = store.get().watermarkIds();
        } catch (IOException e) {
            notes.add("The store's watermark IDs could not be listed: " + e.getMessage());
            unreachable(e, unavailable);
            return mark;
        }
        if (ids.length == 0) {
            return mark;
        }
        Candidates c = candidates;
        String keyId = key.fingerprintHex();
        long[] sorted = ids.clone();
        java.util.Arrays.sort(sorted);
        if (c == null || !c.keyFingerprint().equals(keyId) || !containsAll(sorted, c.ids())) {
            c = new Candidates(keyId, sorted, new CandidateIndex(key,
                    java.util.Arrays.stream(sorted).mapToObj(Payload::new).toList()));
            candidates = c;
        } else if (!java.util.Arrays.equals(sorted, c.ids())) {
            // the store grew (it is append-only): encode the new IDs only
            c = new Candidates(keyId, sorted, c.index().with(java.util.Arrays.stream(sorted).mapToObj(Payload::new).toList()));
            candidates = c;
        }
        Optional<DetectionResult> confirmed = confirmAmong(mark, c.index(), "the store's " + c.index().size() + " IDs", notes);
        if (confirmed.isEmpty() && mark.detected()) {
            notes.add("The watermark's ID did not decode, and none of the store's " + c.index().size()
                    + " IDs is confirmed by it.");
        }
        return confirmed.orElse(mark);
    }

    /**
     * The detection with its ID confirmed among {@code candidates} ({@link IdConfirmation}, at
     * {@link #MAX_FALSE_IDENTIFICATION}), saying so in the notes; empty when none is confirmed.
     *
     * @param among the candidates in words, for the note ("the store's 12 IDs")
     */
    private static Optional<DetectionResult> confirmAmong(DetectionResult mark, CandidateIndex candidates, String among,
                                                          List<String> notes) {
        Optional<IdConfirmation.Confirmed> found = IdConfirmation.confirm(mark.idEvidence(), candidates, MAX_FALSE_IDENTIFICATION);
        found.ifPresent(f -> notes.add(String.format(java.util.Locale.ROOT, "The watermark's ID did not decode on its own; "
                + "of %s, %s is confirmed by the mark's evidence (score %.1f; a wrong ID scores this well with probability "
                + "at most %.1e, counting every candidate and hypothesis).", among, f.payload().hex(), f.score(), f.pValue())));
        return found.map(mark::withConfirmedId);
    }

    /** Whether sorted {@code all} holds every element of sorted {@code some}. */
    private static boolean containsAll(long[] all, long[] some) {
        int i = 0;
        for (long v : some) {
            while (i < all.length && all[i] < v) {
                i++;
            }
            if (i == all.length || all[i] != v) {
                return false;
            }
        }
        return true;
    }

    /**
     * This file's fingerprint against the one recorded in the manifest the mark points to. Empty (with a note
     * saying why) when either is missing or unreadable: then the content cannot be confirmed, and the caller
     * must not report the manifest as this file's.
     */
    private static Optional<ContentComparison> compareContent(java.util.function.Supplier<Optional<VideoFingerprint>> audit,
                                                              C2paReport candidate, String payload, List<String> notes) {
        if (candidate.softBindingValue().filter(payload::equalsIgnoreCase).isEmpty()) {
            notes.add("The store returned a manifest whose soft binding is not watermark ID " + payload
                    + ": it is not used.");
            return Optional.empty();
        }
        Optional<ContentFingerprint> recorded = candidate.contentFingerprint()
                .filter(f -> f.algorithm().equals(VideoFingerprint.ALGORITHM));
        if (recorded.isEmpty()) {
            notes.add("The manifest the watermark points to records no content fingerprint (signed before "
                    + "fingerprints, or by other software), so this content cannot be confirmed as the signed one.");
            return Optional.empty();
        }
        Optional<VideoFingerprint> seen = audit.get();
        if (seen.isEmpty()) {
            notes.add("This file's content could not be fingerprinted, so it cannot be confirmed as the signed one.");
            return Optional.empty();
        }
        VideoFingerprint reference;
        try {
            reference = VideoFingerprint.decode(recorded.get().value());
        } catch (IllegalArgumentException e) {
            notes.add("The manifest's content fingerprint is unreadable (" + e.getMessage() + ").");
            return Optional.empty();
        }
        ContentComparison c = ContentComparison.compare(seen.get(), reference);
        notes.add(String.format(java.util.Locale.ROOT, "Content check: %d of %d frames sampled at random match the "
                + "signed fingerprint (median distance %d of 256 bits%s), thumbnail registration %.3f: %s.",
                c.matchedFrames(), c.usableFrames(), c.medianDistance(),
                c.alignedDistance() < 256 ? ", " + c.alignedDistance() + " at the signed frames' own instants" : "",
                c.registration(), switch (c.decision()) {
                    case MATCH -> "same content";
                    case MISMATCH -> "different content";
                    case INCONCLUSIVE -> c.usableFrames() < ContentComparison.MIN_FRAMES
                            ? "too few textured frames to tell"
                            : "too alike to be other footage, not close enough to confirm it is the signed content";
                }));
        return Optional.of(c);
    }

    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> supplier) {
        Object[] cell = new Object[1];
        return () -> {
            if (cell[0] == null) {
                cell[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) cell[0];
            return value;
        };
    }

    private List<FingerprintMatch> possibleMatches(VideoFingerprint seen, List<String> notes, List<String> unavailable) {
        try {
            return store.get().findByFingerprint(seen, MAX_POSSIBLE_MATCHES).stream()
                    .filter(m -> m.comparison().decision() == ContentComparison.Decision.MATCH).toList();
        } catch (IOException | IllegalArgumentException e) {
            notes.add("Fingerprint look-up in the store failed: " + e.getMessage());
            unreachable(e, unavailable);
            return List.of();
        }
    }

    /**
     * The detection with its ID confirmed against the watermark IDs of the fingerprint look-up's leads (the
     * manifests whose signed content this file resembles); else as it was. The leads are chosen by the picture,
     * independently of the mark's keyed payload phases, so the bound over N leads holds as for stored IDs; with a
     * handful of leads the bar is far lower than over a store of 10^6 (T 6.7 against 8.4 at 1e-9).
     */
    private DetectionResult confirmAgainstLeads(DetectionResult mark, WatermarkKey key, List<FingerprintMatch> leads,
                                                List<String> notes) {
        List<Payload> ids = new ArrayList<>();
        for (FingerprintMatch lead : leads) {
            try {
                store.get().payloadOf(lead.manifestId()).filter(h -> h.matches("[0-9a-fA-F]{16}"))
                        .ifPresent(h -> ids.add(Payload.fromHex(h)));
            } catch (IOException e) {
                notes.add("The watermark ID of possible match " + lead.manifestId() + " could not be read: " + e.getMessage());
            }
        }
        if (ids.isEmpty()) {
            return mark;
        }
        return confirmAmong(mark, new CandidateIndex(key, ids),
                "the " + ids.size() + " manifests whose content this file resembles", notes).orElse(mark);
    }

    /** Records a look-up that could not be made now ({@link LookupUnavailable}), as opposed to one that failed. */
    private static void unreachable(Exception e, List<String> unavailable) {
        if (e instanceof LookupUnavailable) {
            unavailable.add(e.getMessage());
        }
    }

    /**
     * The stored manifest read by c2pa-rs against this copy under the current trust settings (its hard
     * binding cannot match a re-encoded copy, but signature and signer trust are evaluated now); the report
     * kept at signing time when c2pa-rs cannot read this copy's format.
     */
    private C2paReport recoveredReport(Path file, StoredManifest m) throws IOException {
        C2paReport now = c2pa.readDetached(file, m.manifestStore());
        if (now.manifestId().isPresent() || m.reportJson() == null) {
            List<String> broken = now.failuresACopyDoesNotExplain();
            if (!broken.isEmpty()) {
                // a store's or a resolver's manifest whose signature does not hold proves nothing, and the
                // fingerprint the content check would trust is inside it
                throw new IOException("the manifest " + m.manifestId() + " it names fails validation (" + String.join(", ", broken)
                        + "), so it is not reported as this file's");
            }
            return now;
        }
        return C2paReport.parse(m.reportJson());
    }

    /**
     * The id a recovered manifest is reported under: the active manifest's own label, as signed, which a store or
     * resolver cannot change; a store that filed it under another id is said in a note.
     */
    private static String signedId(C2paReport candidate, String storedAs, List<String> notes) {
        String signed = candidate.manifestId().orElse(storedAs);
        if (!signed.equals(storedAs)) {
            notes.add("The store filed this manifest under " + storedAs + "; its signed id is " + signed + ".");
        }
        return signed;
    }

    private static boolean signerTrusted(C2paReport m) {
        return m.isTrusted() || m.statuses().stream().anyMatch(s -> s.code().equals("signingCredential.trusted"));
    }

    /**
     * "AI-generated — signed by X on DATE (time-stamped) (trusted: LIST)": the date says whether a time-stamp
     * authority attested it or it is the signer's own claim, and "trusted" names the list that made it so.
     */
    private String signedSentence(C2paReport m) {
        Optional<String> disclosure = m.digitalSourceType().flatMap(SourceDisclosure::of);
        String who = m.signer().orElse("an unknown organization");
        String when = m.signedAt().map(t -> " on " + day(t) + " (time-stamped)")
                .or(() -> m.actionTime().map(t -> " on " + day(t) + " (the signer's own date, not time-stamped)"))
                .orElse("");
        String trusted = signerTrusted(m) ? "trusted: " + trust.trustedBy(m.signer()).describe()
                : "valid signature, signer not on your trust lists";
        return disclosure.map(d -> d + " — signed by ").orElse("Signed by ") + who + when + " (" + trusted + ")";
    }

    private static String day(String timestamp) {
        return timestamp.substring(0, Math.min(10, timestamp.length()));
    }


    @Override
    public void close() throws IOException {
        c2pa.close();
        inspector.close();
        if (store.isPresent()) {
            store.get().close();
        }
    }

    /** What kind of media a file is, from its first bytes (never from its name): {@link MediaTypes} decides. */
    enum MediaKind {
        VIDEO, IMAGE, AUDIO, UNSUPPORTED;

        static MediaKind sniff(Path file) throws IOException {
            byte[] head = new byte[16];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            Optional<String> type = io.hallmark.provenance.MediaTypes.ofHead(head, n);
            if (type.isPresent()) {
                String t = type.get();
                return t.startsWith("video/") ? VIDEO : t.startsWith("image/") ? IMAGE : AUDIO;
            }
            if (n >= 4 && (head[0] & 0xff) == 0x1A && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xDF
                    && (head[3] & 0xff) == 0xA3) {
                return VIDEO; // Matroska / WebM: watermark only, C2PA has no binding for it
            }
            return UNSUPPORTED;
        }
    }
}
