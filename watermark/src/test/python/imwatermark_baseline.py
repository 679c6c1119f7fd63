#!/usr/bin/env python3
"""Side-by-side baseline: invisible-watermark's dwtDct (the Stable Diffusion watermark) on the same clips and
FFmpeg attacks as WatermarkBenchmark. Embeds a 64-bit word in every frame (U plane, scale 36, as shipped),
re-encodes with libx264 veryfast CRF 18, applies each attack, decodes every 5th frame and takes a per-bit
majority vote over frames (soft aggregation, which only helps the baseline).

Usage: imwatermark_baseline.py FFMPEG OUT_DIR SECONDS CLIP...   (pip install invisible-watermark opencv-python-headless PyWavelets numpy)
"""
import json, subprocess, sys, time, os
import types
import numpy as np
# imwatermark imports torch at module level only for RivaGAN; dwtDct does not use it.
sys.modules.setdefault("torch", types.ModuleType("torch"))
from imwatermark import WatermarkEncoder, WatermarkDecoder

ATTACKS = {
    "h264_crf23": (None, 23), "h264_crf28": (None, 28), "h264_crf35": (None, 35),
    "scale50_crf28": ("scale=trunc(iw/4)*2:trunc(ih/4)*2", 28),
    "resize055_crf23": ("scale=trunc(iw*0.55/2)*2:trunc(ih*0.55/2)*2", 23),
    "crop10each_crf23": ("crop=trunc(iw*0.8/2)*2:trunc(ih*0.8/2)*2", 23),
    "crop50area_crf23": ("crop=trunc(iw*0.7071/2)*2:trunc(ih*0.7071/2)*2:trunc(iw*0.2):trunc(ih*0.1)", 23),
    "bright+20_crf23": ("lutyuv=y=val*1.2", 23),
    "blur1_crf23": ("gblur=sigma=1", 23),
    "social_720p_crop5_bright_crf30": ("scale='if(gt(iw,ih),-2,720)':'if(gt(iw,ih),720,-2)',crop=trunc(iw*0.95/2)*2:trunc(ih*0.95/2)*2,eq=brightness=0.06", 30),
}

def probe(ffmpeg, path):
    out = subprocess.run([ffmpeg, "-hide_banner", "-i", path], capture_output=True, text=True).stderr
    import re
    m = re.search(r"Video:.*?(\d{2,5})x(\d{2,5})", out)
    fps = re.search(r"(\d+(?:\.\d+)?) fps", out)
    return int(m.group(1)) & ~1, int(m.group(2)) & ~1, float(fps.group(1)) if fps else 30.0

def frames(ffmpeg, path, w, h, seconds=None):
    cmd = [ffmpeg, "-v", "error", "-i", path]
    if seconds:
        cmd += ["-t", str(seconds)]
    cmd += ["-vf", f"crop={w}:{h}:0:0", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    size = w * h * 3
    while True:
        buf = p.stdout.read(size)
        if len(buf) < size:
            break
        yield np.frombuffer(buf, np.uint8).reshape(h, w, 3)
    p.wait()

def main():
    ffmpeg, out_dir, seconds, clips = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(7)
    rows = []
    for clip in clips:
        name = os.path.splitext(os.path.basename(clip))[0]
        w, h, fps = probe(ffmpeg, clip)
        bits = rng.integers(0, 2, 64).tolist()
        enc = WatermarkEncoder()
        enc.set_watermark("bits", bits)
        marked = os.path.join(out_dir, name + "-imw.mp4")
        writer = subprocess.Popen([ffmpeg, "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{w}x{h}",
                                   "-r", str(fps), "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                                   "-pix_fmt", "yuv420p", marked], stdin=subprocess.PIPE)
        psnrs, t_embed, n = [], 0.0, 0
        for f in frames(ffmpeg, clip, w, h, seconds):
            t0 = time.perf_counter()
            m = enc.encode(f, "dwtDct")
            t_embed += time.perf_counter() - t0
            yuv_a = f.astype(np.float64) @ np.array([0.114, 0.587, 0.299])
            yuv_b = m.astype(np.float64) @ np.array([0.114, 0.587, 0.299])
            mse = np.mean((yuv_a - yuv_b) ** 2)
            psnrs.append(99.0 if mse == 0 else 10 * np.log10(255 ** 2 / mse))
            writer.stdin.write(np.ascontiguousarray(m).tobytes())
            n += 1
        writer.stdin.close(); writer.wait()
        print(f"{name}: {n} frames, PSNR-Y {np.mean(psnrs):.2f} dB, embed {1000 * t_embed / max(1, n):.0f} ms/frame", flush=True)
        dec = WatermarkDecoder("bits", 64)
        for attack, (vf, crf) in [("none (CRF 18)", (None, None))] + list(ATTACKS.items()):
            path = marked
            if crf is not None:
                path = os.path.join(out_dir, f"{name}-imw-{attack}.mp4")
                cmd = [ffmpeg, "-v", "error", "-y", "-i", marked]
                if vf:
                    cmd += ["-vf", vf]
                cmd += ["-c:v", "libx264", "-preset", "veryfast", "-crf", str(crf), "-pix_fmt", "yuv420p", "-an", path]
                subprocess.run(cmd, check=True)
            aw, ah, _ = probe(ffmpeg, path)
            votes, t_dec, k = np.zeros(64), 0.0, 0
            for i, f in enumerate(frames(ffmpeg, path, aw, ah)):
                if i % 5:
                    continue
                if min(aw, ah) < 256:
                    break
                t0 = time.perf_counter()
                votes += np.array(dec.decode(f, "dwtDct"), dtype=float)
                t_dec += time.perf_counter() - t0
                k += 1
            guess = (votes / max(1, k) > 0.5).astype(int).tolist() if k else [0] * 64
            acc = float(np.mean(np.array(guess) == np.array(bits))) if k else float("nan")
            rows.append({"clip": name, "attack": attack, "bitAccuracy": acc, "exact": bool(k and guess == bits),
                         "psnrY": float(np.mean(psnrs)), "decodeMsPerFrame": 1000 * t_dec / max(1, k)})
            print(f"  {attack:34s} bit acc {acc:.3f} exact {guess == bits}", flush=True)
            if path != marked:
                os.remove(path)
    with open(os.path.join(out_dir, "imwatermark-baseline.json"), "w") as fh:
        json.dump(rows, fh, indent=1)

if __name__ == "__main__":
    main()
