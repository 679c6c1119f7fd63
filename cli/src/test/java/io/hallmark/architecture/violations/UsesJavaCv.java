package io.hallmark.architecture.violations;

/** Breaks "JavaCV only in media" on purpose (ArchitectureRulesCanFailTest). */
public class UsesJavaCv {
    public Class<?> grabber() {
        return org.bytedeco.javacv.FFmpegFrameGrabber.class;
    }
}
