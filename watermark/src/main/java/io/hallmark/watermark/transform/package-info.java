/** Fast Fourier transforms (1-D radix-2 and square 2-D) used to build the tile and to search it. */
package io.hallmark.watermark.transform;
