package io.hallmark.generator.pipeline;

/** Receives progress of a long job; returning false asks the job to stop (it then cleans up and fails). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> true;

    /**
     * @param stage what is happening ("generating", "signing", ...)
     * @param done  units done in this stage
     * @param total units in this stage, or -1 when unknown
     */
    boolean update(String stage, long done, long total);
}
