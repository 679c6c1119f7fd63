package io.hallmark.architecture.violations;

/** Breaks "picocli only in cli" on purpose (ArchitectureRulesCanFailTest). */
public class UsesPicocli {
    public Object commandLine() {
        return new picocli.CommandLine(this);
    }
}
