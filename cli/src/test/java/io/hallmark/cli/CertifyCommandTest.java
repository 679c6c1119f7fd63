package io.hallmark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.media.Ffmpeg;
import io.hallmark.media.VideoReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certify keeps how the source is presented (issue 13, item 6). */
class CertifyCommandTest {
    @TempDir
    static Path dir;

    @Test
    void aPhoneClipStoredSidewaysComesOutUprightAndTheManifestSaysSo() throws Exception {
        Path stored = dir.resolve("landscape.mp4");
        Ffmpeg.run(60, "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "1", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", stored.toString());
        Path phone = dir.resolve("phone.mov");
        Ffmpeg.run(60, "-display_rotation:v:0", "90", "-i", stored.toString(), "-c", "copy", phone.toString());
        Path home = dir.resolve("home");
        Path out = dir.resolve("certified.mp4");
        Cli c = Cli.run(home, "certify", phone.toString(), "-o", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, c.exitCode(), c.toString());
        assertTrue(c.out().contains("turned upright"), c.out());
        try (VideoReader r = VideoReader.open(out)) {
            assertEquals(360, r.info().width(), "portrait, as a player shows the source");
            assertEquals(640, r.info().height());
            assertEquals(0, r.info().rotation(), "no display matrix left to apply twice");
        }
        Cli v = Cli.run(home, "verify", "--json", out.toString());
        JsonNode report = new ObjectMapper().readTree(v.out());
        assertEquals("SIGNED", report.path("verdict").asText(), v.toString());
        assertTrue(report.path("c2pa").path("actions").toString().contains("c2pa.orientation"), report.path("c2pa").toString());
        // no model was named: the tool that watermarked and turned the frames is not presented as the maker
        assertTrue(report.path("c2pa").path("softwareAgent").isNull(), report.path("c2pa").toString());
        Cli text = Cli.run(home, "verify", out.toString());
        assertTrue(!text.out().contains("(by Hallmark"), text.out());
    }

    @Test
    void anHlgTenBitHevcClipKeepsItsColourDescriptionAndSaysWhatItCannotKeep(@TempDir Path dir) throws Exception {
        // issue 26: as an iPhone records HLG
        Path hlg = dir.resolve("hlg.mp4");
        footage(hlg, 3, "format=yuv420p10le,setparams=color_primaries=bt2020:color_trc=arib-std-b67:colorspace=bt2020nc:range=tv",
                "-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1");
        Path out = dir.resolve("certified.mp4");
        JsonNode j = certify(dir.resolve("home"), hlg, out);
        assertEquals("[]", j.path("notKept").toString(), "HLG 10-bit HEVC: everything kept");
        try (VideoReader r = VideoReader.open(out)) {
            assertEquals(new io.hallmark.media.ColourDescription("bt2020", "arib-std-b67", "bt2020nc", "tv", "left"),
                    r.info().colour(), "players read the certified copy's colours as the source's");
            assertEquals("hevc", r.info().videoCodec(), "HEVC stays HEVC");
            assertEquals("yuv420p10le", r.info().sourcePixelFormat(), "10-bit stays 10-bit");
        }
        Cli text = Cli.run(dir.resolve("home"), "certify", hlg.toString(), "-o", dir.resolve("again.mp4").toString(), "--quiet");
        Cli found = Cli.run(dir.resolve("home"), "verify", "--json", out.toString());
        assertEquals("SIGNED", new ObjectMapper().readTree(found.out()).path("verdict").asText(), found.out());
        Cli detect = Cli.run(dir.resolve("home"), "detect", "--json", out.toString());
        assertEquals(ExitCodes.OK, detect.exitCode(), "the mark is found on the 10-bit output: " + detect);
        // a platform that tone-maps HDR to SDR (BT.709, 8-bit H.264) must not lose the mark
        Path sdr = dir.resolve("tone-mapped.mp4");
        Ffmpeg.run(120, "-i", out.toString(), "-vf", "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p", "-c:v", "libx264", "-crf", "23",
                sdr.toString());
        Cli sdrDetect = Cli.run(dir.resolve("home"), "detect", "--json", sdr.toString());
        assertEquals(ExitCodes.OK, sdrDetect.exitCode(), "the mark survives tone mapping to 8-bit SDR: " + sdrDetect);
        assertTrue(sdrDetect.out().contains(j.path("payload").asText()), sdrDetect.out());
    }

    /** Real footage (a synthetic pattern is too flat to carry a mark through tone mapping), 640 wide, through a filter and codec. */
    private static Path footage(Path out, int seconds, String filter, String... codec) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-i",
                io.hallmark.testdata.SharedData.clip("sam2_01_dog.mp4").toString(), "-t", Integer.toString(seconds), "-vf",
                filter.startsWith("scale") ? filter : "scale=640:-2," + filter));
        args.addAll(java.util.List.of(codec));
        args.add(out.toString());
        Ffmpeg.run(60, args);
        return out;
    }

    /** The certified copy says how to read its colours as the source did, in the same pixel format, for as long. */
    private static void assertKept(Path source, Path certified) throws Exception {
        try (VideoReader a = VideoReader.open(source); VideoReader b = VideoReader.open(certified)) {
            assertEquals(a.info().colour().describe(), b.info().colour().describe(), "colour description");
            assertEquals(a.info().sourcePixelFormat(), b.info().sourcePixelFormat(), "pixel format");
            // within half a frame: containers round a stream's end differently; a lost last frame is a whole one
            assertEquals(a.info().durationSeconds(), b.info().durationSeconds(), 0.5 / a.info().frameRate(), "duration");
        }
    }

    /** Certifies {@code source} and returns certify's JSON. */
    private static JsonNode certify(Path home, Path source, Path out) throws Exception {
        Cli c = Cli.run(home, "certify", source.toString(), "-o", out.toString(), "--quiet", "--json");
        assertEquals(ExitCodes.OK, c.exitCode(), c.toString());
        return new ObjectMapper().readTree(c.out());
    }

    @Test
    void aPqClipKeepsItsMasteringDisplayAndLightLevels(@TempDir Path dir) throws Exception {
        Path pq = dir.resolve("pq.mp4");
        footage(pq, 2, "format=yuv420p10le,setparams=color_primaries=bt2020:color_trc=smpte2084:colorspace=bt2020nc:range=tv",
                "-c:v", "libx265", "-x265-params", "log-level=error:hdr10=1:master-display=G(13250,34500)B(7500,3000)"
                        + "R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400");
        Path out = dir.resolve("certified.mp4");
        JsonNode j = certify(dir.resolve("home"), pq, out);
        assertEquals("[]", j.path("notKept").toString());
        io.hallmark.media.HdrMetadata before = io.hallmark.media.HdrMetadata.probe(pq);
        assertTrue(before.masterDisplay().isPresent() && before.contentLight().isPresent(), before.toString());
        assertEquals(before, io.hallmark.media.HdrMetadata.probe(out), "mastering display and MaxCLL/MaxFALL kept");
        assertKept(pq, out);
        try (VideoReader r = VideoReader.open(out)) {
            assertEquals("smpte2084", r.info().colour().transfer());
            assertEquals("yuv420p10le", r.info().sourcePixelFormat());
        }
    }

    @Test
    void aVp9WebmBecomesH264AndSaysSoAndAFullRangeClipStaysFullRange(@TempDir Path dir) throws Exception {
        Path webm = dir.resolve("clip.webm");
        footage(webm, 1, "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv",
                "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");
        JsonNode j = certify(dir.resolve("home"), webm, dir.resolve("from-webm.mp4"));
        assertTrue(j.path("notKept").toString().contains("re-encoded as H.264 (the source is vp9"), j.toString());
        Cli v = Cli.run(dir.resolve("home"), "verify", "--json", dir.resolve("from-webm.mp4").toString());
        JsonNode c2pa = new ObjectMapper().readTree(v.out()).path("c2pa");
        assertTrue(c2pa.path("actions").toString().contains("c2pa.transcoded"), "the manifest says it too: " + c2pa);
        assertEquals("Valid", c2pa.path("state").asText(), c2pa.toString());
        try (VideoReader r = VideoReader.open(dir.resolve("from-webm.mp4"))) {
            io.hallmark.media.ColourDescription c = r.info().colour();
            // (the chroma location the WebM left unsaid, the H.264 encoder states as its default, left)
            assertEquals("bt709/bt709/bt709, tv range", c.describe());
        }

        Path full = dir.resolve("full.mp4");
        footage(full, 1, "scale=640:-2:out_range=pc,format=yuv420p,setparams=range=pc:color_primaries=bt709:color_trc=bt709:colorspace=bt709",
                "-c:v", "libx264");
        certify(dir.resolve("home"), full, dir.resolve("from-full.mp4"));
        assertKept(full, dir.resolve("from-full.mp4"));
        assertKept(webm, dir.resolve("from-webm.mp4"));

        Path bt709 = dir.resolve("bt709.mp4");
        footage(bt709, 1, "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv",
                "-c:v", "libx264");
        assertEquals("[]", certify(dir.resolve("home"), bt709, dir.resolve("from-bt709.mp4")).path("notKept").toString());
        assertKept(bt709, dir.resolve("from-bt709.mp4"));
        try (VideoReader src = VideoReader.open(full); VideoReader r = VideoReader.open(dir.resolve("from-full.mp4"))) {
            assertEquals(src.info().colour(), r.info().colour());
            assertEquals("pc", r.info().colour().range());
        }
    }

    @Test
    void theEncodingCanBeChosenAndWhatItGivesUpIsSaid(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path gen = dir.resolve("generated.mp4");
        Cli g = Cli.run(home, "generate", "--prompt", "a kite over hills", "--duration", "1", "--size", "640x360",
                "--codec", "hevc", "--bit-depth", "10", "--crf", "22", "--preset", "fast", "--quiet", "-o", gen.toString());
        assertEquals(ExitCodes.OK, g.exitCode(), g.toString());
        try (VideoReader r = VideoReader.open(gen)) {
            assertEquals("hevc", r.info().videoCodec());
            assertEquals(10, r.info().bitDepth());
            assertEquals("bt709/bt709/bt709, tv range", r.info().colour().describe(), "generate tags BT.709");
        }
        Cli v = Cli.run(home, "verify", "--json", gen.toString());
        assertEquals("SIGNED", new ObjectMapper().readTree(v.out()).path("verdict").asText(), v.out());

        Path h264 = dir.resolve("as-h264.mp4");
        JsonNode j = new ObjectMapper().readTree(Cli.run(home, "certify", gen.toString(), "-o", h264.toString(),
                "--codec", "h264", "--bit-depth", "8", "--quiet", "--json").out());
        String lost = j.path("notKept").toString();
        assertTrue(lost.contains("re-encoded in 8 bits, as asked") && lost.contains("re-encoded as h264, as asked"), lost);

        Cli bad = Cli.run(home, "certify", gen.toString(), "-o", dir.resolve("x.mp4").toString(), "--preset", "warp");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("unknown preset warp"), bad.err());
    }
}
