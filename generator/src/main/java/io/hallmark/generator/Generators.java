package io.hallmark.generator;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of backends, by id: every {@link VideoGenerator} that {@link ServiceLoader} finds
 * ({@code META-INF/services/io.hallmark.generator.VideoGenerator}; this module lists procedural, djl and import in
 * that order), so a backend in another jar joins without this class knowing it. Constructing a backend is cheap
 * (engines load on first {@code open}), so the registry holds one instance of each. Thread-safe (immutable after
 * class initialisation).
 */
public final class Generators {
    /** The backend used when none is named. */
    public static final String DEFAULT_ID = "procedural";

    private static final Map<String, VideoGenerator> BY_ID = new LinkedHashMap<>();

    static {
        for (VideoGenerator g : ServiceLoader.load(VideoGenerator.class, Generators.class.getClassLoader())) {
            if (BY_ID.putIfAbsent(g.id(), g) != null) {
                throw new IllegalStateException("two generator backends claim the id '" + g.id() + "'");
            }
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
