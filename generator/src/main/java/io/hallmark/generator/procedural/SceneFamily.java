package io.hallmark.generator.procedural;

import java.util.List;
import java.util.Locale;

/** The kinds of scene the procedural backend can render, and the prompt words that select each. */
public enum SceneFamily {
    /** Rain on a pond, ripples, ocean swell: a 2D wave-equation simulation, shaded with reflection and refraction. */
    WATER(List.of("ocean", "oceans", "sea", "seas", "water", "waters", "lake", "lakes", "pond", "ponds", "rain",
            "rainy", "raining", "raindrop", "raindrops", "drops", "droplets", "ripple", "ripples", "rippling",
            "river", "wave", "waves", "puddle", "puddles", "pool", "splash", "surf", "tide")),
    /** Sky clouds, smoke, fog: animated, domain-warped fractal noise with self-shadowing. */
    CLOUDS(List.of("cloud", "clouds", "cloudy", "cloudscape", "smoke", "smoky", "smoking", "sky", "skies", "fog",
            "foggy", "mist", "misty", "haze", "hazy", "steam", "vapor", "vapour", "overcast", "cumulus")),
    /** A flag on a pole, or a sheet of cloth, rippling in the wind: analytic travelling waves with shading. */
    FLAG(List.of("flag", "flags", "cloth", "fabric", "wind", "windy", "banner", "banners", "curtain", "curtains",
            "sail", "sails", "silk", "textile", "waving", "flutter", "fluttering", "drape")),
    /** City lights, fireflies, stars, sparks at night: emissive points with bloom. */
    NIGHT_LIGHTS(List.of("city", "cities", "night", "nighttime", "lights", "stars", "star", "starry", "fireflies",
            "firefly", "particles", "particle", "lantern", "lanterns", "neon", "skyline", "galaxy", "sparks",
            "glow", "glowing", "midnight", "downtown"));

    private final List<String> keywords;

    SceneFamily(List<String> keywords) {
        this.keywords = keywords;
    }

    /** Lower-case words of a prompt that select this family. */
    public List<String> keywords() {
        return keywords;
    }

    /** Lower-case name used in options and records, e.g. {@code night-lights}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()} (or the enum name), for the {@code scene} option. */
    public static SceneFamily fromLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SceneFamily f : values()) {
            if (f.label().equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown scene '" + label + "'; expected one of "
                + java.util.Arrays.stream(values()).map(SceneFamily::label).toList());
    }
}
