#!/usr/bin/env python3
"""RivaGAN (the learned watermark shipped in invisible-watermark 0.2.0) as a baseline for `hallmark bench watermark`.

The Java benchmark applies its own FFmpeg attacks; this script only marks and reads:
  rivagan_baseline.py check
      exits 0 when the package's ONNX encoder and decoder load (offline: both ship in the wheel)
  rivagan_baseline.py embed FFMPEG IN OUT SECONDS BITS32 [OUT_EQUAL TARGET_PSNR]
      marks every frame of the first SECONDS with the 32 bits exactly as the package does (the whole frame, BGR,
      one frame per clip, uint8 by truncation) and encodes libx264 veryfast CRF 18 into OUT; with OUT_EQUAL the
      same residual (marked - original, per frame) is scaled so that each frame's PSNR-Y is TARGET_PSNR and
      written there too (one encoder pass for both); prints JSON
  rivagan_baseline.py decode FFMPEG FILE [MAX_FRAMES]
      runs the decoder on up to MAX_FRAMES (default 6) frames spread over the file and averages its 32 logits
      over them before the package's threshold (0.52): a soft vote, which only helps it; prints JSON
  rivagan_baseline.py selftest
      checks the bit strings and the residual scaling without the models
Needs: pip install invisible-watermark==0.2.0 onnxruntime opencv-python-headless PyWavelets numpy.
The package imports torch only to move arrays around; this script runs the same ONNX sessions on numpy arrays
with the package's exact pre- and post-processing, so torch is not needed.

What RivaGAN works on: the ONNX graphs take a [batch, 3, 1, height, width] clip of one frame with dynamic height
and width; the package feeds it the whole frame at its own size (no crop, no resize, no tiling) and refuses
frames under 256*256 pixels in area. The decoder pools over the frame to 32 logits.
"""
import json, sys, time, types

from baseline_video import frames, luma, probe, psnr_y, writer

# imwatermark/rivaGan.py imports torch at module level but loadModel() does not use it; we do not use it either.
sys.modules.setdefault("torch", types.ModuleType("torch"))

THRESHOLD = 0.52  # RivaWatermark's default decision threshold on the decoder output
BITS = 32


def bit_list(bits):
    if len(bits) != BITS or set(bits) - {"0", "1"}:
        raise ValueError("want %d bits as 0/1, got %r" % (BITS, bits))
    return [int(b) for b in bits]


def bit_string(logits):
    return "".join("1" if v > THRESHOLD else "0" for v in logits)


def models():
    from imwatermark import WatermarkEncoder, WatermarkDecoder
    from imwatermark.rivaGan import RivaWatermark
    WatermarkEncoder.loadModel()
    WatermarkDecoder.loadModel()
    return RivaWatermark.encoder, RivaWatermark.decoder


def to_clip(frame):
    """The package's input: uint8 HxWx3 -> float32 [1, 3, 1, H, W] in [-1, 1]."""
    import numpy as np
    x = frame.astype(np.float32) / 127.5 - 1.0
    return np.ascontiguousarray(x.transpose(2, 0, 1)[None, :, None, :, :])


def mark(encoder, frame, data):
    """RivaWatermark.encode without torch: clamp to [-1, 1], back to uint8 by truncation (astype), as shipped.
    Returns that and the marked frame before quantisation (float, 0..255), whose residual is the one to scale."""
    import numpy as np
    y = encoder.run(None, {"frame": to_clip(frame), "data": data})[0]
    y = (np.clip(y, -1.0, 1.0)[0, :, 0, :, :].transpose(1, 2, 0) + 1.0) * 127.5
    return y.astype(np.uint8), y


def scaled(original, marked, target_psnr, steps=14):
    """original + a * (marked - original), rounded and clipped, with a chosen so that PSNR-Y is nearest target_psnr.

    marked is the encoder's float output (before the package's uint8 truncation), so PSNR-Y is a smooth function
    of a; the MSE grows as a squared but for rounding and clipping, so a first guess from the unscaled MSE is
    refined by bisection."""
    import numpy as np
    o = original.astype(np.float64)
    r = marked.astype(np.float64) - o
    y0 = luma(original)

    def apply(a):
        out = np.clip(np.rint(o + a * r), 0, 255).astype(np.uint8)
        mse = np.mean((y0 - luma(out)) ** 2)
        return out, 99.0 if mse == 0 else float(10 * np.log10(255 ** 2 / mse))

    mse1 = np.mean((y0 - luma(o + r)) ** 2)
    if mse1 == 0:
        return original.copy(), 1.0
    guess = float(np.sqrt(255.0 ** 2 / 10 ** (target_psnr / 10) / mse1))
    lo, hi = guess / 2, guess * 4  # PSNR falls as a grows; rounding hides small residuals, so look higher
    best = None
    for _ in range(steps):
        a = (lo * hi) ** 0.5
        out, p = apply(a)
        if best is None or abs(p - target_psnr) < abs(best[2] - target_psnr):
            best = (out, a, p)
        if p > target_psnr:
            lo = a
        else:
            hi = a
    return best[0], best[1]


def embed(ffmpeg, src, out, seconds, bits, out_equal=None, target_psnr=None):
    import numpy as np
    encoder, _ = models()
    data = np.array([bit_list(bits)], dtype=np.float32)
    w, h, fps, _ = probe(ffmpeg, src)
    if w * h < 256 * 256:
        sys.exit("rivaGan refuses frames under 256x256 pixels in area (%dx%d)" % (w, h))
    writers = [writer(ffmpeg, out, w, h, fps)] + ([writer(ffmpeg, out_equal, w, h, fps)] if out_equal else [])
    psnrs, equal_psnrs, scales, seconds_embedding, n = [], [], [], 0.0, 0
    for f in frames(ffmpeg, src, w, h, seconds):
        t0 = time.perf_counter()
        m, m_float = mark(encoder, f, data)
        seconds_embedding += time.perf_counter() - t0
        psnrs.append(psnr_y(f, m))
        writers[0].stdin.write(np.ascontiguousarray(m).tobytes())
        if out_equal:
            e, a = scaled(f, m_float, target_psnr)
            equal_psnrs.append(psnr_y(f, e))
            scales.append(a)
            writers[1].stdin.write(np.ascontiguousarray(e).tobytes())
        n += 1
    for wr, path in zip(writers, [out, out_equal]):
        wr.stdin.close()
        if wr.wait() != 0:
            sys.exit("ffmpeg failed encoding " + path)
    mean = lambda xs: float(np.mean(xs)) if xs else 0.0
    print(json.dumps({"frames": n, "psnrY": mean(psnrs), "embedMsPerFrame": 1000 * seconds_embedding / max(1, n),
                      "equalPsnrY": mean(equal_psnrs), "equalScale": mean(scales)}))


def decode(ffmpeg, path, max_frames=6):
    import numpy as np
    _, decoder = models()
    w, h, fps, duration = probe(ffmpeg, path)
    logits, k, seconds_decoding = np.zeros(BITS), 0, 0.0
    if w * h >= 256 * 256:  # the package refuses smaller frames
        total = max(1, int(round(duration * fps)))
        step = max(1, total // max_frames)
        for i, f in enumerate(frames(ffmpeg, path, w, h)):
            if i % step == step // 2 and k < max_frames:
                t0 = time.perf_counter()
                logits += decoder.run(None, {"frame": to_clip(f)})[0][0]
                seconds_decoding += time.perf_counter() - t0
                k += 1
    print(json.dumps({"bits": bit_string(logits / k) if k else None, "framesRead": k,
                      "decodeMsPerFrame": 1000 * seconds_decoding / max(1, k)}))


def selftest():
    import numpy as np
    assert bit_list("10" * 16) == [1, 0] * 16
    for bad in ["1" * 31, "1" * 33, "2" + "0" * 31]:
        try:
            bit_list(bad)
            raise AssertionError(bad)
        except ValueError:
            pass
    assert bit_string([1.0, 0.52, 0.53, -3.0] + [0.0] * 28) == "1010" + "0" * 28
    rng = np.random.default_rng(7)
    o = rng.integers(40, 200, (64, 96, 3)).astype(np.uint8)
    m = np.clip(o + rng.normal(0, 3, o.shape), 0, 255)
    for target in (36.0, 40.0, 44.0):
        e, a = scaled(o, m, target)
        assert e.dtype == np.uint8 and abs(psnr_y(o, e) - target) < 0.05, (target, psnr_y(o, e), a)
    print(json.dumps({"selftest": "ok"}))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "check":
        models()
    elif cmd == "embed" and len(sys.argv) in (7, 9):
        embed(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6],
              *([sys.argv[7], float(sys.argv[8])] if len(sys.argv) == 9 else []))
    elif cmd == "decode" and len(sys.argv) in (4, 5):
        decode(sys.argv[2], sys.argv[3], *([int(sys.argv[4])] if len(sys.argv) == 5 else []))
    elif cmd == "selftest":
        selftest()
    else:
        sys.exit(__doc__)
