package io.hallmark.provenance.violations;

/** Reaches into the watermark module's internal package on purpose (ArchitectureRulesCanFailTest). */
public class ProvenanceUsesWatermarkInternals {
    public Class<?> lattice() {
        return io.hallmark.watermark.internal.Lattice.class;
    }
}
