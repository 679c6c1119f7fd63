package io.hallmark.architecture.violations.cycle.b;

import io.hallmark.architecture.violations.cycle.a.CycleA;

/** The other half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class CycleB {
    public CycleA other;
}
