package io.hallmark.generator;


import io.hallmark.generator.djl.DjlGenerator;
import io.hallmark.generator.imported.ImportGenerator;
import io.hallmark.generator.procedural.ProceduralGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of backends, by id. Constructing a backend is cheap (engines load on first {@code open}),
 * so the registry holds one instance of each.
 */
public final class Generators {
    /** The backend used when none is named. */
    public static final String DEFAULT_ID = ProceduralGenerator.ID;

    private static final Map<String, VideoGenerator> BY_ID = new LinkedHashMap<>();

    static {
        for (VideoGenerator g : List.of(new ProceduralGenerator(), new DjlGenerator(), new ImportGenerator())) {
            BY_ID.put(g.id(), g);
        }
    }

    private Generators() {
    }

    /** The backend with this id; {@link IllegalArgumentException} naming the known ids if there is none. */
    public static VideoGenerator byId(String id) {
        VideoGenerator g = BY_ID.get(id);
        if (g == null) {
            throw new IllegalArgumentException("unknown generator '" + id + "'; known: " + ids());
        }
        return g;
    }

    /** Ids of all backends, default first. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
