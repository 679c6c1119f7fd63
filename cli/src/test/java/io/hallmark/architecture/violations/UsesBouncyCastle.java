package io.hallmark.architecture.violations;

/** Breaks "Bouncy Castle only in keys" on purpose (ArchitectureRulesCanFailTest). */
public class UsesBouncyCastle {
    public Object provider() {
        return new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }
}
