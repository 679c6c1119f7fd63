/**
 * The watermark's machinery, shared by embedder and detector: keyed tile layout and pattern, perceptual
 * mask, luma whitening, evidence accumulation, period estimation, folding and the sync correlation.
 * Not a public API.
 */
package io.hallmark.watermark.internal;
