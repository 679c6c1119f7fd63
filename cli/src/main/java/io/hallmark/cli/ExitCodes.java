package io.hallmark.cli;

/**
 * Exit codes, documented in README.md and in {@code hallmark --help}.
 * For {@code verify}/{@code scan} the code summarises the worst result over all files.
 */
public final class ExitCodes {
    /** Success; for verify: every file signed (or recovered from the store). */
    public static final int OK = 0;
    /** An error: unreadable input, a failed operation. */
    public static final int ERROR = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** verify: a file carries a watermark only, or no provenance at all. */
    public static final int NO_PROVENANCE = 3;
    /** verify: a manifest is invalid — the file changed after signing. */
    public static final int TAMPERED = 4;
    /** verify: a watermark copied from another video (content does not match the manifest it points to). */
    public static final int MARK_MISMATCH = 5;
    /** verify: credentials are there but cannot be checked here (remote, pre-release, unsupported). */
    public static final int UNVERIFIABLE = 6;
    /** verify: credentials are there but damaged: c2pa-rs cannot read them. */
    public static final int DAMAGED = 7;
    /** detect: no watermark found. */
    public static final int NOT_DETECTED = 3;

    private ExitCodes() {}
}
