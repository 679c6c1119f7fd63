package io.hallmark.architecture.violations.cycle.a;

import io.hallmark.architecture.violations.cycle.b.CycleB;

/** Half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class CycleA {
    public CycleB other;
}
