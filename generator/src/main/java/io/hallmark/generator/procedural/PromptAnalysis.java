package io.hallmark.generator.procedural;

import io.hallmark.generator.internal.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the procedural backend reads from a prompt: the scene family, the words that pick a variant, a time of
 * day and a colour tint. Deterministic: the same prompt always gives the same analysis.
 *
 * @param family       the chosen scene family
 * @param familyReason why: {@code keyword:<word>} or {@code prompt-hash}
 * @param words        the prompt's lower-case words, in order
 * @param promptHash   64 bits of SHA-256 of the prompt, mixed into every random choice
 */
public record PromptAnalysis(SceneFamily family, String familyReason, List<String> words, long promptHash) {

    /** Lighting set by the prompt. */
    public enum TimeOfDay { DAY, SUNSET, NIGHT, OVERCAST }

    public static PromptAnalysis of(String prompt) {
        List<String> words = words(prompt);
        long hash = hash(prompt);
        SceneFamily best = null;
        int bestHits = 0;
        int bestFirst = Integer.MAX_VALUE;
        String bestWord = null;
        for (SceneFamily family : SceneFamily.values()) {
            int hits = 0;
            int first = Integer.MAX_VALUE;
            String firstWord = null;
            for (int i = 0; i < words.size(); i++) {
                if (family.keywords().contains(words.get(i))) {
                    hits++;
                    if (i < first) {
                        first = i;
                        firstWord = words.get(i);
                    }
                }
            }
            // Most keyword hits wins; a tie goes to the family mentioned first.
            if (hits > bestHits || (hits == bestHits && hits > 0 && first < bestFirst)) {
                best = family;
                bestHits = hits;
                bestFirst = first;
                bestWord = firstWord;
            }
        }
        if (best == null) {
            SceneFamily[] all = SceneFamily.values();
            return new PromptAnalysis(all[(int) Long.remainderUnsigned(hash, all.length)], "prompt-hash", words, hash);
        }
        return new PromptAnalysis(best, "keyword:" + bestWord, words, hash);
    }

    /** The same analysis with the family forced (the {@code scene} option). */
    public PromptAnalysis withFamily(SceneFamily forced) {
        return new PromptAnalysis(forced, "option:scene", words, promptHash);
    }

    public boolean mentions(String... any) {
        for (String w : any) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    public TimeOfDay timeOfDay() {
        if (mentions("sunset", "sunsets", "dusk", "dawn", "sunrise", "twilight", "golden", "evening")) {
            return TimeOfDay.SUNSET;
        }
        if (mentions("night", "nighttime", "midnight", "dark", "moon", "moonlit", "starry", "stars")) {
            return TimeOfDay.NIGHT;
        }
        if (mentions("storm", "stormy", "overcast", "grey", "gray", "gloomy", "rainy", "rain", "fog", "foggy")) {
            return TimeOfDay.OVERCAST;
        }
        return TimeOfDay.DAY;
    }

    private static final Set<String> TINT_WORDS = Set.of("red", "orange", "yellow", "gold", "green", "teal", "cyan",
            "blue", "purple", "violet", "pink", "magenta", "monochrome", "warm", "cold", "cool");

    /** The first colour word of the prompt, or {@code none}. */
    public String tint() {
        for (String w : words) {
            if (TINT_WORDS.contains(w)) {
                return w;
            }
        }
        return "none";
    }

    /** Per-channel gains for {@link #tint()}: a gentle grade, not a recolouring. */
    public float[] tintGains() {
        switch (tint()) {
            case "red": return new float[] {1.18f, 0.92f, 0.9f};
            case "orange": case "warm": return new float[] {1.15f, 1.0f, 0.82f};
            case "yellow": case "gold": return new float[] {1.12f, 1.08f, 0.78f};
            case "green": return new float[] {0.88f, 1.15f, 0.9f};
            case "teal": case "cyan": return new float[] {0.82f, 1.08f, 1.12f};
            case "blue": case "cold": case "cool": return new float[] {0.85f, 0.97f, 1.2f};
            case "purple": case "violet": case "magenta": return new float[] {1.08f, 0.85f, 1.18f};
            case "pink": return new float[] {1.15f, 0.9f, 1.05f};
            default: return new float[] {1f, 1f, 1f};
        }
    }

    /** Whether the grade should remove colour ({@code monochrome}, {@code black and white}). */
    public boolean monochrome() {
        return tint().equals("monochrome") || (mentions("black") && mentions("white"));
    }

    static List<String> words(String prompt) {
        List<String> out = new ArrayList<>();
        for (String w : prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    static long hash(String prompt) {
        return Sha256.firstLong(prompt);
    }
}
