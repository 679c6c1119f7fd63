/** Prompt-to-video generators and the pipeline that only ever emits watermarked, signed video. */
package io.hallmark.generator;
