/**
 * The scan engine: verify every file of a folder or list in parallel, one JSON line per file, resumable.
 * Used by {@code hallmark scan}, the service and the Beam job's local runner alike.
 */
package io.hallmark.verify.scan;
