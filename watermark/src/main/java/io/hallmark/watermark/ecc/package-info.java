/** Error correction for the watermark payload: a convolutional code with soft-decision Viterbi decoding. */
package io.hallmark.watermark.ecc;
