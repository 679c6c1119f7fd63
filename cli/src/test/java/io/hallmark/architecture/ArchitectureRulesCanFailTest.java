package io.hallmark.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.hallmark.architecture.violations.cycle.a.CycleA;
import io.hallmark.architecture.violations.UsesBouncyCastle;
import io.hallmark.architecture.violations.UsesJavaCv;
import io.hallmark.architecture.violations.UsesJna;
import io.hallmark.architecture.violations.UsesPicocli;
import io.hallmark.media.violations.MediaUsesTheCommandLine;
import io.hallmark.provenance.violations.ProvenanceUsesWatermarkInternals;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on a deliberate violation (test classes written to break it), so a
 * green {@link ArchitectureTest} means the code keeps the rules, not that the rules cannot fail.
 */
class ArchitectureRulesCanFailTest {
    private static void assertCaught(ArchRule rule, Class<?>... violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), rule.getDescription() + " must catch " + java.util.Arrays.toString(violators));
    }

    @Test
    void aLowerModuleUsingAHigherOneIsCaught() {
        assertCaught(ArchitectureRules.MODULE_DIRECTION, MediaUsesTheCommandLine.class, io.hallmark.cli.ExitCodes.class);
    }

    @Test
    void librariesOutsideTheirModuleAreCaught() {
        assertCaught(ArchitectureRules.JNA_ONLY_IN_C2PA, UsesJna.class, com.sun.jna.Pointer.class);
        assertCaught(ArchitectureRules.JAVACV_ONLY_IN_MEDIA, UsesJavaCv.class, org.bytedeco.javacv.FFmpegFrameGrabber.class);
        assertCaught(ArchitectureRules.PICOCLI_ONLY_IN_CLI, UsesPicocli.class, picocli.CommandLine.class);
        assertCaught(ArchitectureRules.JAVALIN_ONLY_IN_SERVICE, io.hallmark.architecture.violations.UsesJavalin.class,
                io.javalin.Javalin.class);
        assertCaught(ArchitectureRules.BOUNCY_CASTLE_ONLY_IN_KEYS, UsesBouncyCastle.class,
                org.bouncycastle.jce.provider.BouncyCastleProvider.class);
    }

    @Test
    void aPackageCycleIsCaught() {
        assertCaught(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class,
                io.hallmark.architecture.violations.cycle.b.CycleB.class);
    }

    @Test
    void anotherModuleUsingAnInternalPackageIsCaught() {
        assertCaught(ArchitectureRules.INTERNAL_STAYS_INSIDE.get(0), ProvenanceUsesWatermarkInternals.class,
                io.hallmark.watermark.internal.Lattice.class);
    }
}
