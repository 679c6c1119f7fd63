package io.hallmark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * ARCHITECTURE.md's rules as ArchUnit rules, one field per rule, so that the tests that apply them to the code
 * and the tests that show each can fail use the very same objects.
 */
final class ArchitectureRules {
    private ArchitectureRules() {}

    /** Each module's packages; a module may use only the modules listed for it (ARCHITECTURE.md, "Modules"). */
    static final ArchRule MODULE_DIRECTION = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("testdata").definedBy("io.hallmark.testdata..")
            .layer("media").definedBy("io.hallmark.media..")
            .layer("fingerprint").definedBy("io.hallmark.fingerprint..")
            .layer("watermark").definedBy("io.hallmark.watermark..")
            .layer("keys").definedBy("io.hallmark.keys..")
            .layer("c2pa").definedBy("io.hallmark.c2pa..")
            .layer("provenance").definedBy("io.hallmark.provenance..")
            .layer("generator").definedBy("io.hallmark.generator..")
            .layer("verify").definedBy("io.hallmark.verify..")
            .layer("api").definedBy("io.hallmark")
            .layer("service").definedBy("io.hallmark.service..")
            .layer("bench").definedBy("io.hallmark.bench..")
            .layer("cli").definedBy("io.hallmark.cli..")
            .whereLayer("testdata").mayNotAccessAnyLayer()
            .whereLayer("media").mayNotAccessAnyLayer()
            .whereLayer("keys").mayNotAccessAnyLayer()
            .whereLayer("c2pa").mayNotAccessAnyLayer()
            .whereLayer("fingerprint").mayOnlyAccessLayers("media")
            .whereLayer("watermark").mayOnlyAccessLayers("media")
            .whereLayer("provenance").mayOnlyAccessLayers("c2pa", "keys", "media", "fingerprint")
            .whereLayer("generator").mayOnlyAccessLayers("media", "fingerprint", "watermark", "provenance")
            .whereLayer("verify").mayOnlyAccessLayers("media", "fingerprint", "watermark", "provenance")
            .whereLayer("api").mayOnlyAccessLayers("media", "fingerprint", "watermark", "keys", "provenance",
                    "generator", "verify")
            .whereLayer("service").mayOnlyAccessLayers("media", "fingerprint", "watermark", "keys", "provenance",
                    "verify", "api")
            .whereLayer("bench").mayOnlyAccessLayers("testdata", "media", "fingerprint", "watermark", "keys", "provenance",
                    "generator", "verify", "api", "service")
            .whereLayer("cli").mayOnlyAccessLayers("media", "fingerprint", "watermark", "keys", "c2pa", "provenance",
                    "generator", "verify", "api", "service", "bench")
            .as("a module uses only the modules ARCHITECTURE.md lists for it");

    static final ArchRule JNA_ONLY_IN_C2PA = onlyIn("io.hallmark.c2pa..", "com.sun.jna..",
            "JNA (native C2PA calls) is used only in the c2pa module");

    static final ArchRule JAVACV_ONLY_IN_MEDIA = onlyIn("io.hallmark.media..", "org.bytedeco..",
            "JavaCV/FFmpeg is used only in the media module");

    static final ArchRule JAVALIN_ONLY_IN_SERVICE = onlyIn("io.hallmark.service..", "io.javalin..",
            "Javalin (the HTTP server) is used only in the service module");

    static final ArchRule PICOCLI_ONLY_IN_CLI = onlyIn("io.hallmark.cli..", "picocli..",
            "picocli is used only in the cli module");

    static final ArchRule BOUNCY_CASTLE_ONLY_IN_KEYS = onlyIn("io.hallmark.keys..", "org.bouncycastle..",
            "Bouncy Castle is used only in the keys module");

    /**
     * No package cycles. A module's {@code internal} package counts as part of the package it serves: it holds that
     * package's implementation (which may throw that package's exceptions), not a concept of its own.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("io.hallmark")
                    ? SliceIdentifier.of(pkg.replaceFirst("\\.internal(\\..*)?$", "")) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "Hallmark packages, each with its internal package";
        }
    }).should().beFreeOfCycles().as("no package cycles");

    /**
     * Internal packages are private to their module (the package above {@code internal} names it). The benchmarks
     * are the one exception: the security suite measures a keyless attacker's estimate against the true keyed tile
     * and the embedder's own perceptual mask, which only the watermark's internals know.
     */
    static final List<ArchRule> INTERNAL_STAYS_INSIDE = List.of(
            internalOf("io.hallmark.watermark"), internalOf("io.hallmark.c2pa"), internalOf("io.hallmark.provenance"),
            internalOf("io.hallmark.fingerprint"), internalOf("io.hallmark.media"), internalOf("io.hallmark.keys"),
            internalOf("io.hallmark.generator"), internalOf("io.hallmark.verify"));

    static List<ArchRule> all() {
        List<ArchRule> rules = new java.util.ArrayList<>(List.of(MODULE_DIRECTION, JNA_ONLY_IN_C2PA, JAVACV_ONLY_IN_MEDIA,
                JAVALIN_ONLY_IN_SERVICE, PICOCLI_ONLY_IN_CLI, BOUNCY_CASTLE_ONLY_IN_KEYS, NO_PACKAGE_CYCLES));
        rules.addAll(INTERNAL_STAYS_INSIDE);
        return rules;
    }

    private static ArchRule onlyIn(String home, String library, String because) {
        return noClasses().that().resideOutsideOfPackage(home).should().dependOnClassesThat().resideInAPackage(library)
                .as(because);
    }

    private static ArchRule internalOf(String module) {
        return noClasses().that().resideOutsideOfPackages(module + "..", "io.hallmark.bench..").should().dependOnClassesThat()
                .resideInAPackage(module + "..internal..").as(module + "'s internal packages are used only inside it")
                .allowEmptyShould(true);
    }
}
