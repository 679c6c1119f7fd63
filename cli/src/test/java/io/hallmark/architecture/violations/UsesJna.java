package io.hallmark.architecture.violations;

/** Breaks "JNA only in c2pa" on purpose (ArchitectureRulesCanFailTest). */
public class UsesJna {
    public Object pointer() {
        return com.sun.jna.Pointer.NULL;
    }
}
