package io.hallmark.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file re-encoded by the reader and writer says how its colours are to be read exactly as the source did. */
class ColourRoundTripTest {
    @TempDir
    Path dir;

    private Path source(String name, String lavfi, String params, String... codec) throws Exception {
        Path out = dir.resolve(name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-f", "lavfi", "-i", lavfi, "-t", "1",
                "-vf", params));
        args.addAll(java.util.List.of(codec));
        args.add(out.toString());
        Ffmpeg.run(120, args);
        return out;
    }

    /** Reads {@code in} and writes it again with its own colour description; returns the copy's description. */
    private VideoInfo roundTrip(Path in) throws Exception {
        Path out = dir.resolve("copy-" + in.getFileName());
        try (VideoReader reader = VideoReader.open(in);
             VideoWriter writer = VideoWriter.create(out, reader.info().width(), reader.info().height(),
                     reader.info().frameRate(), EncodeSettings.DEFAULT.withColour(reader.info().colour()))) {
            VideoFrame f;
            while ((f = reader.read()) != null) {
                writer.write(f);
            }
            writer.finish();
        }
        try (VideoReader copy = VideoReader.open(out)) {
            return copy.info();
        }
    }

    private static int maxLuma(Path file) throws Exception {
        try (VideoReader r = VideoReader.open(file)) {
            int max = 0;
            for (byte b : r.read().y()) {
                max = Math.max(max, b & 0xff);
            }
            return max;
        }
    }

    @Test
    void bt709LimitedRangeIsKept() throws Exception {
        Path in = source("bt709.mp4", "testsrc2=size=320x240:rate=25",
                "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv", "-c:v", "libx264");
        VideoInfo source;
        try (VideoReader r = VideoReader.open(in)) {
            source = r.info();
        }
        assertEquals(new ColourDescription("bt709", "bt709", "bt709", "tv", "left"), source.colour());
        assertEquals(source.colour(), roundTrip(in).colour());
    }

    @Test
    void fullRangeIsReadAndWrittenAtFullRange() throws Exception {
        Path in = source("full.mp4", "color=white:size=320x240:rate=25",
                "scale=out_range=pc,format=yuv420p,setparams=range=pc:color_primaries=bt709:color_trc=bt709:colorspace=bt709",
                "-c:v", "libx264");
        assertEquals(255, maxLuma(in), "white is 255 in full range: the reader does not squeeze it to 235");
        VideoInfo copy = roundTrip(in);
        assertEquals("pc", copy.colour().range());
        assertEquals(255, maxLuma(dir.resolve("copy-full.mp4")), "and the copy says full range for full-range values");
    }

    @Test
    void hlgTenBitKeepsItsSignallingAndSaysItsDepth() throws Exception {
        Path in = source("hlg.mp4", "testsrc2=size=320x240:rate=25",
                "format=yuv420p10le,setparams=color_primaries=bt2020:color_trc=arib-std-b67:colorspace=bt2020nc:range=tv",
                "-c:v", "libx265", "-x265-params", "log-level=error");
        VideoInfo source;
        try (VideoReader r = VideoReader.open(in)) {
            source = r.info();
        }
        assertEquals(10, source.bitDepth());
        assertTrue(source.colour().isHdr());
        VideoInfo copy = roundTrip(in);
        assertEquals(source.colour(), copy.colour());
        assertEquals(8, copy.bitDepth(), "the writer encodes 8 bits: callers say so (FrameSource.notKept)");
    }

    @Test
    void aFileThatSaysNothingIsWrittenSayingNothing() throws Exception {
        Path in = source("plain.mp4", "testsrc2=size=320x240:rate=25", "format=yuv420p", "-c:v", "libx264");
        VideoInfo copy = roundTrip(in);
        assertEquals("unknown", copy.colour().primaries(), "no guess is written as a fact");
    }
}
