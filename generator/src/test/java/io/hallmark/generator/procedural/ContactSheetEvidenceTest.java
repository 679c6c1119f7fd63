package io.hallmark.generator.procedural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallmark.generator.FrameSource;
import io.hallmark.generator.GenerationRequest;
import io.hallmark.generator.preview.ContactSheet;
import io.hallmark.media.VideoFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Acceptance evidence: one contact sheet with the first and a later frame of each family and variant, written
 * to {@code generator/target/contact-sheet.png} for a person to look at.
 */
class ContactSheetEvidenceTest {
    static final String[] PROMPTS = {"rain falling on a quiet pond", "ocean waves at sunset",
            "clouds drifting across a blue sky", "smoke rising", "a flag waving in the wind", "red silk cloth",
            "city lights at night", "fireflies in a summer forest"};

    @Test
    void writesOneSheetShowingEveryFamily() throws Exception {
        List<VideoFrame> frames = new ArrayList<>();
        for (String prompt : PROMPTS) {
            try (FrameSource s = new ProceduralGenerator().open(new GenerationRequest(prompt, 11, 2, 640, 360, 15))) {
                VideoFrame f;
                int n = 0;
                while ((f = s.next()) != null) {
                    if (n == 0 || n == 29) {
                        frames.add(f);
                    }
                    n++;
                }
            }
        }
        Path target = Path.of(System.getProperty("hallmark.generator.target", "target"));
        Path png = target.resolve("contact-sheet.png");
        ContactSheet.write(png, frames, 4);
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertEquals(4 * (320 + 4) + 4, sheet.getWidth());
        assertTrue(sheet.getHeight() > 4 * 180);
    }
}
