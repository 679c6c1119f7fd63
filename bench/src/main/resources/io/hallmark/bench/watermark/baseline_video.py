"""Video in and out for the peer-watermark baselines (dwtdct_baseline.py, rivagan_baseline.py): FFmpeg probes and
raw BGR frames in, H.264 out, and PSNR-Y (BT.601 luma). Unpacked next to them by the benchmark (PythonScript)."""
import re, subprocess


def probe(ffmpeg, path):
    out = subprocess.run([ffmpeg, "-hide_banner", "-i", path], capture_output=True, text=True).stderr
    m = re.search(r"Video:.*?(\d{2,5})x(\d{2,5})", out)
    fps = re.search(r"(\d+(?:\.\d+)?) fps", out)
    dur = re.search(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)", out)
    seconds = int(dur.group(1)) * 3600 + int(dur.group(2)) * 60 + float(dur.group(3)) if dur else 0.0
    return int(m.group(1)) & ~1, int(m.group(2)) & ~1, float(fps.group(1)) if fps else 30.0, seconds


def frames(ffmpeg, path, w, h, seconds=None):
    import numpy as np
    cmd = [ffmpeg, "-v", "error", "-i", path] + (["-t", str(seconds)] if seconds else [])
    cmd += ["-vf", f"crop={w}:{h}:0:0", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    size = w * h * 3
    while True:
        buf = p.stdout.read(size)
        if len(buf) < size:
            break
        yield np.frombuffer(buf, np.uint8).reshape(h, w, 3)
    p.stdout.close()
    p.wait()


def luma(bgr):
    import numpy as np
    return bgr.astype(np.float64) @ np.array([0.114, 0.587, 0.299])


def psnr_y(a, b):
    import numpy as np
    mse = np.mean((luma(a) - luma(b)) ** 2)
    return 99.0 if mse == 0 else float(10 * np.log10(255 ** 2 / mse))


def writer(ffmpeg, out, w, h, fps):
    """An FFmpeg process that encodes raw BGR frames from its stdin: libx264 veryfast CRF 18, yuv420p."""
    return subprocess.Popen([ffmpeg, "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{w}x{h}",
                             "-r", str(fps), "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                             "-pix_fmt", "yuv420p", out], stdin=subprocess.PIPE)
