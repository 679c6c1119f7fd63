package io.hallmark.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.provenance.report.C2paReport;
import io.hallmark.testdata.SharedData;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any change to a signed video after signing is caught: reported Invalid, or (manifest bytes c2pa-rs cannot parse) unreadable; never valid. */
class TamperTest {
    static final int MDAT_CHANGES = 1_000;
    static final int MANIFEST_CHANGES = 200;
    static final byte[] C2PA_UUID = hex("d8fec3d61b0e483c92975828877ec481");

    @TempDir
    static Path dir;
    static Path signed;

    @BeforeAll
    static void sign() throws Exception {
        signed = dir.resolve("signed.mp4");
        new ProvenanceSigner(new FixtureSigner(), Optional.empty()).sign(
                SharedData.c2paFixture("c2pa-rs/video/video1_no_manifest.mp4"), signed,
                ProvenanceSignerTest.generatedSpec(), Optional.empty());
    }

    @Test
    void everySingleByteChangeInsideMdatIsABmffHashMismatch() throws Exception {
        long[] mdat = box(signed, "mdat", null);
        int flagged = flipAndRead(mdat[0] + 8, mdat[1] - 8, MDAT_CHANGES, 1, "assertion.bmffHash.mismatch");
        System.out.printf("TamperTest: %d/%d random single-byte mdat changes reported Invalid (bmffHash mismatch)%n",
                flagged, MDAT_CHANGES);
        assertEquals(MDAT_CHANGES, flagged);
    }

    @Test
    void changesToTheSignedManifestContentAreInvalid() throws Exception {
        long[] manifest = box(signed, "uuid", C2PA_UUID);
        byte[] bytes = new byte[(int) manifest[1]];
        try (RandomAccessFile f = new RandomAccessFile(signed.toFile(), "r")) {
            f.seek(manifest[0]);
            f.readFully(bytes);
        }
        // The JUMBF store starts after: size, type, extended type (16), version/flags (4), "manifest\0", offset (8).
        int jumbf = 8 + 16 + 4 + 9 + 8;
        List<long[]> signedParts = new ArrayList<>();
        List<long[]> signatureBoxes = new ArrayList<>();
        Jumbf.walk(bytes, jumbf, bytes.length, (label, start, end) -> {
            if (label.startsWith("c2pa.claim") || label.equals("c2pa.assertions")) {
                signedParts.add(new long[] {manifest[0] + start, end - start});
            } else if (label.equals("c2pa.signature")) {
                signatureBoxes.add(new long[] {manifest[0] + start, end - start});
            }
        });
        assertTrue(!signedParts.isEmpty(), "found the claim and assertion boxes");
        int flagged = 0;
        for (int i = 0; i < signedParts.size(); i++) {
            long[] part = signedParts.get(i);
            flagged += flipAndRead(part[0], part[1], MANIFEST_CHANGES / signedParts.size(), 10 + i, null);
        }
        int tried = MANIFEST_CHANGES / signedParts.size() * signedParts.size();
        System.out.printf("TamperTest: %d/%d random changes inside the claim and assertion store reported Invalid or unreadable%n",
                flagged, tried);
        for (long[] sig : signatureBoxes) {
            int s = flipAndRead(sig[0], sig[1], 100, 99, null);
            System.out.printf("TamperTest: %d/100 random changes inside the signature box (%d bytes, includes the "
                    + "unsigned COSE padding reserved for the signature) reported Invalid or unreadable%n", s, sig[1]);
        }
        assertEquals(tried, flagged);
    }

    @Test
    void aRetaggedC2paBoxIsDamagedCredentialsNeverNoManifest() throws Exception {
        // issue 25: the 8 bytes after the C2PA uuid box's FullBox header ("manifest") overwritten in place read as
        // "no manifest" with c2pa-rs 0.90, so a certified video altered this way was unsigned or even RECOVERED
        long[] manifest = box(signed, "uuid", C2PA_UUID);
        for (String tag : new String[] {"manifesx", "original"}) {
            Path copy = dir.resolve("retagged-" + tag + ".mp4");
            Files.copy(signed, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.seek(manifest[0] + 8 + 16 + 4); // size, type, extended type, version/flags
                f.write(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE)) {
                C2paReport r = reader.read(copy);
                assertTrue(r.unverifiable() || r.state().equals(Optional.of("Invalid")),
                        tag + ": " + r.state() + " " + r.error() + " " + r.failureCodes());
            }
        }
    }

    /** Flips one byte at a time at random positions, reads, restores; counts the reports that are not valid. */
    private static int flipAndRead(long start, long length, int n, long seed, String requiredCode) throws Exception {
        Path copy = dir.resolve("tampered-" + seed + ".mp4");
        Files.copy(signed, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Random random = new Random(seed);
        int invalid = 0;
        List<String> misses = new ArrayList<>();
        try (ProvenanceReader reader = new ProvenanceReader(TrustSettings.NONE);
             RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            for (int i = 0; i < n; i++) {
                long pos = start + (long) (random.nextDouble() * length);
                file.seek(pos);
                int original = file.read();
                file.seek(pos);
                file.write(original ^ (1 + random.nextInt(255)));
                C2paReport r = reader.read(copy);
                // Caught: c2pa-rs found it Invalid, or could not parse the manifest at all (reported as
                // "cannot be verified", never as valid).
                boolean bad = r.state().equals(Optional.of("Invalid"))
                        && (requiredCode == null || r.failureCodes().contains(requiredCode))
                        || requiredCode == null && r.unverifiable();
                if (bad) {
                    invalid++;
                } else if (misses.size() < 5) {
                    misses.add(pos + ": " + r.state() + " " + r.failureCodes());
                }
                file.seek(pos);
                file.write(original);
            }
        }
        if (!misses.isEmpty()) {
            System.out.println("TamperTest: not flagged: " + misses);
        }
        return invalid;
    }

    /** Offset and size of the first top-level box of that type (and extended type for uuid). */
    static long[] box(Path file, String type, byte[] uuid) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long pos = 0;
            while (pos + 8 <= f.length()) {
                f.seek(pos);
                byte[] header = new byte[24];
                f.readFully(header, 0, (int) Math.min(24, f.length() - pos));
                ByteBuffer b = ByteBuffer.wrap(header);
                long size = Integer.toUnsignedLong(b.getInt());
                String t = new String(header, 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                if (size == 1) {
                    size = b.getLong(8);
                }
                boolean uuidMatches = uuid == null || java.util.Arrays.equals(java.util.Arrays.copyOfRange(header, 8, 24), uuid);
                if (t.equals(type) && uuidMatches) {
                    return new long[] {pos, size};
                }
                pos += size;
            }
        }
        throw new AssertionError("no " + type + " box in " + file);
    }

    /** A minimal JUMBF walker: reports each superbox's label and the byte range of its content. */
    static final class Jumbf {
        interface Visitor {
            void box(String label, int start, int end);
        }

        static void walk(byte[] b, int from, int to, Visitor visitor) {
            int pos = from;
            while (pos + 8 <= to) {
                int size = ByteBuffer.wrap(b, pos, 4).getInt();
                String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                if (size < 8 || pos + size > to) {
                    return;
                }
                if (type.equals("jumb")) {
                    // description box: size, "jumd", 16-byte type, toggles, label\0
                    int d = pos + 8;
                    int labelStart = d + 8 + 16 + 1;
                    int labelEnd = labelStart;
                    while (labelEnd < to && b[labelEnd] != 0) {
                        labelEnd++;
                    }
                    String label = new String(b, labelStart, labelEnd - labelStart, java.nio.charset.StandardCharsets.UTF_8);
                    int descSize = ByteBuffer.wrap(b, d, 4).getInt();
                    visitor.box(label, d + descSize, pos + size);
                    walk(b, d + descSize, pos + size, visitor);
                }
                pos += size;
            }
        }
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
