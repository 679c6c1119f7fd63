package io.hallmark.media;

import java.util.ArrayList;
import java.util.List;

/**
 * How a video's sample values are to be read as colours: the colour description an encoder signals (ITU-T H.273
 * code points: H.264/HEVC VUI, the MP4 {@code colr} box), named as FFmpeg names them ({@code av_color_*_name}).
 * "unknown" (or "unspecified" for the chroma location) means the file does not say, and players guess.
 *
 * @param primaries      colour primaries, e.g. "bt709", "bt2020"
 * @param transfer       transfer characteristics, e.g. "bt709", "smpte2084" (PQ), "arib-std-b67" (HLG)
 * @param matrix         matrix coefficients (FFmpeg's colorspace), e.g. "bt709", "bt2020nc"
 * @param range          "tv" (limited, 16-235) or "pc" (full, 0-255)
 * @param chromaLocation chroma sample location, e.g. "left", "topleft"
 */
public record ColourDescription(String primaries, String transfer, String matrix, String range, String chromaLocation) {
    /** What a file that says nothing is read as. */
    public static final ColourDescription UNSPECIFIED = new ColourDescription("unknown", "unknown", "unknown", "unknown",
            "unspecified");
    /** HD video (ITU-R BT.709), limited range, chroma sited left: what {@code generate} renders. */
    public static final ColourDescription BT709 = new ColourDescription("bt709", "bt709", "bt709", "tv", "left");

    /** Whether the transfer is a high-dynamic-range one (PQ, SMPTE ST 2084; HLG, ARIB STD-B67). */
    public boolean isHdr() {
        return transfer.equals("smpte2084") || transfer.equals("arib-std-b67");
    }

    public boolean fullRange() {
        return range.equals("pc");
    }

    /**
     * The encoder options (AVCodecContext option names) that signal this description; the fields the file does not
     * say are left out.
     */
    public List<String[]> encoderOptions() {
        List<String[]> out = new ArrayList<>();
        add(out, "color_primaries", primaries);
        add(out, "color_trc", transfer);
        add(out, "colorspace", matrix);
        add(out, "color_range", range);
        add(out, "chroma_sample_location", chromaLocation);
        return out;
    }

    private static void add(List<String[]> out, String option, String value) {
        if (!value.equals("unknown") && !value.equals("unspecified") && !value.isEmpty()) {
            out.add(new String[] {option, value});
        }
    }

    /** "bt709/bt709/bt709, tv range", as a person reads it. */
    public String describe() {
        return primaries + "/" + transfer + "/" + matrix + ", " + range + " range";
    }
}
