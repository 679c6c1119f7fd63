package io.hallmark.architecture.violations;

/** Breaks "Javalin only in service" on purpose (ArchitectureRulesCanFailTest). */
public class UsesJavalin {
    public Class<?> server() {
        return io.javalin.Javalin.class;
    }
}
