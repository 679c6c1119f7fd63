#!/usr/bin/env python3
"""invisible-watermark's dwtDct (the Stable Diffusion watermark) as a baseline for `hallmark bench watermark`.

The Java benchmark applies its own FFmpeg attacks; this script only marks and reads:
  dwtdct_baseline.py check                               exits 0 when the package can be imported
  dwtdct_baseline.py embed FFMPEG IN OUT SECONDS BITS64   marks every frame (U plane, scale 36, as shipped),
                                                         encodes libx264 veryfast CRF 18; prints JSON
  dwtdct_baseline.py decode FFMPEG FILE                   reads every 5th frame, per-bit majority vote over
                                                         frames (which only helps it); prints JSON
Needs: pip install invisible-watermark opencv-python-headless PyWavelets numpy (torch is not needed for dwtDct).
"""
import json, sys, time, types

from baseline_video import frames, probe, psnr_y, writer

# imwatermark imports torch at module level only for RivaGAN; dwtDct does not use it.
sys.modules.setdefault("torch", types.ModuleType("torch"))


def embed(ffmpeg, src, out, seconds, bits):
    import numpy as np
    from imwatermark import WatermarkEncoder
    w, h, fps, _ = probe(ffmpeg, src)
    enc = WatermarkEncoder()
    enc.set_watermark("bits", [int(b) for b in bits])
    encoder = writer(ffmpeg, out, w, h, fps)
    psnrs, seconds_embedding, n = [], 0.0, 0
    for f in frames(ffmpeg, src, w, h, seconds):
        t0 = time.perf_counter()
        m = enc.encode(f, "dwtDct")
        seconds_embedding += time.perf_counter() - t0
        psnrs.append(psnr_y(f, m))
        encoder.stdin.write(np.ascontiguousarray(m).tobytes())
        n += 1
    encoder.stdin.close()
    if encoder.wait() != 0:
        sys.exit("ffmpeg failed encoding " + out)
    print(json.dumps({"frames": n, "psnrY": float(np.mean(psnrs)) if psnrs else 0.0,
                      "embedMsPerFrame": 1000 * seconds_embedding / max(1, n)}))


def decode(ffmpeg, path):
    import numpy as np
    from imwatermark import WatermarkDecoder
    w, h, _, _ = probe(ffmpeg, path)
    dec = WatermarkDecoder("bits", 64)
    votes, k = np.zeros(64), 0
    if min(w, h) >= 256:  # dwtDct needs at least 256 px on each side
        for i, f in enumerate(frames(ffmpeg, path, w, h)):
            if i % 5 == 0:
                votes += np.array(dec.decode(f, "dwtDct"), dtype=float)
                k += 1
    bits = "".join("1" if v / k > 0.5 else "0" for v in votes) if k else None
    print(json.dumps({"bits": bits, "framesRead": k}))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "check":
        import imwatermark  # noqa: F401
    elif cmd == "embed":
        embed(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6])
    elif cmd == "decode":
        decode(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
