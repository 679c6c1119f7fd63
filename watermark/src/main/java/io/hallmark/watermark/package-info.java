/** Keyed, blind, frequency-domain video watermark: streaming embedder and detector. */
package io.hallmark.watermark;
