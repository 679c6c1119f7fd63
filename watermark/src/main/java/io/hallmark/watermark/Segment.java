package io.hallmark.watermark;

/**
 * One stretch of the timeline.
 *
 * @param detected whether this stretch on its own carries the mark found for the whole video
 * @param score    normalised sync correlation of this stretch at the video's sync hypothesis (about
 *                 N(0,1) where unmarked; large where marked)
 */
public record Segment(double startSec, double endSec, boolean detected, double score) {
}
