package io.hallmark.provenance;

import io.hallmark.c2pa.C2paException;
import io.hallmark.c2pa.C2paStream;
import io.hallmark.c2pa.Context;
import io.hallmark.c2pa.Reader;
import io.hallmark.c2pa.Settings;
import io.hallmark.provenance.report.C2paReport;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and validates the C2PA manifest of any file with c2pa-rs, under the given trust settings. */
public final class ProvenanceReader implements AutoCloseable {
    private final Settings settings;
    private final Context context;
    private final ReadLimits limits;

    public ProvenanceReader(TrustSettings trust) throws C2paException {
        this(trust, ReadLimits.DEFAULT);
    }

    public ProvenanceReader(TrustSettings trust, ReadLimits limits) throws C2paException {
        this.limits = limits;
        this.settings = trust.toNative();
        try {
            this.context = Context.of(settings);
        } catch (C2paException e) {
            settings.close();
            throw e;
        }
    }

    /**
     * The report: {@link C2paReport#absent()} when there is no manifest, {@link C2paReport#unreadable} when
     * c2pa-rs rejects the file's manifest outright (hostile or damaged structure).
     */
    public C2paReport read(Path file) throws IOException {
        String format = MediaTypes.of(file).orElse("");
        if (format.equals("video/mp4") || format.equals("video/quicktime") || format.equals("audio/mp4")) {
            int boxes = io.hallmark.provenance.internal.BmffStructure.countTopLevelBoxes(file, limits.maxTopLevelBoxes());
            if (boxes > limits.maxTopLevelBoxes()) {
                return C2paReport.unreadable("not read: more than " + limits.maxTopLevelBoxes()
                        + " top-level boxes (read limit maxTopLevelBoxes)");
            }
        }
        try (C2paStream stream = C2paStream.openRead(file); Reader reader = Reader.read(context, format, stream)) {
            return C2paReport.parse(reader.json());
        } catch (C2paException.ManifestNotFoundException e) {
            return C2paReport.absent();
        } catch (C2paException e) {
            if (e.type() == C2paException.Type.NOT_SUPPORTED) {
                return C2paReport.absent();
            }
            return C2paReport.unreadable(e.getMessage());
        }
    }

    /** Reads a manifest store kept elsewhere (the manifest store database) against this file. */
    public C2paReport readDetached(Path file, byte[] manifestStore) throws IOException {
        String format = MediaTypes.of(file).orElse("video/mp4");
        try (C2paStream stream = C2paStream.openRead(file);
             Reader reader = Reader.readWithManifest(context, format, stream, manifestStore)) {
            return C2paReport.parse(reader.json());
        } catch (C2paException e) {
            return C2paReport.unreadable(e.getMessage());
        }
    }

    /**
     * Reads a manifest store without the asset it was made for (a registration at a manifest store): c2pa-rs validates
     * the claim signature, the certificate and every assertion it can, against an empty asset of {@code format}, so the
     * hard-binding hash ({@code assertion.dataHash.mismatch} or {@code assertion.bmffHash.mismatch}) cannot match; see
     * {@link C2paReport#failuresACopyDoesNotExplain()}.
     *
     * @param manifestStore the JUMBF manifest store (application/c2pa)
     * @param format        the asset's media type, e.g. {@code video/mp4}
     * @return the report; {@link C2paReport#unreadable} when c2pa-rs cannot read the store at all
     */
    public C2paReport readWithoutAsset(byte[] manifestStore, String format) {
        try (C2paStream stream = C2paStream.of(new io.hallmark.provenance.internal.InMemoryChannel(new byte[0]));
             Reader reader = Reader.readWithManifest(context, format, stream, manifestStore)) {
            return C2paReport.parse(reader.json());
        } catch (IOException e) {
            return C2paReport.unreadable(e.getMessage());
        }
    }

    @Override
    public void close() {
        context.close();
        settings.close();
    }
}
