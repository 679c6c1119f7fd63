#!/usr/bin/env python3
"""Start-up time per command, against the bare JVM (`java -version`) measured in the same run.

usage: scripts/bench-startup.py [LAUNCHER ...]   (default: ./hallmark; give two launchers to compare builds)

Each launcher runs `--version`, `sign` of a JPEG and `verify` of the signed JPEG, interleaved with the others and
with `java -version`, 7 times; medians are printed, with the ratio to the bare JVM. Uses a throw-away HALLMARK_HOME.
"""
import os, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
launchers = sys.argv[1:] or [os.path.join(root, "hallmark")]
image = os.path.join(root, "..", "shared", "c2pa-fixtures", "c2pa-rs", "image", "no_manifest.jpg")
work = tempfile.mkdtemp(prefix="hallmark-startup-")
env = dict(os.environ, HALLMARK_HOME=os.path.join(work, "home"))

def timed(cmd):
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode not in (0, 3):
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr.decode()[-500:]))
    return time.perf_counter() - start

for n, l in enumerate(launchers):  # first use: builds, makes the dev keys
    subprocess.run([l, "sign", image, "-o", os.path.join(work, "warm%d.jpg" % n)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = {}
for rep in range(7):
    times.setdefault("java -version", []).append(timed(["java", "-version"]))
    for n, l in enumerate(launchers):
        out = os.path.join(work, "s%d-%d.jpg" % (n, rep))
        for name, args in (("--version", ["--version"]), ("sign JPEG", ["sign", image, "-o", out]),
                           ("verify JPEG", ["verify", out])):
            times.setdefault((l, name), []).append(timed([l] + args))
floor = statistics.median(times["java -version"])
print("bare JVM (java -version): %.2f s" % floor)
print("| launcher | command | median of 7 | x bare JVM |")
print("|---|---|---|---|")
for key, values in times.items():
    if key != "java -version":
        print("| %s | %s | %.2f s | %.1fx |" % (key[0], key[1], statistics.median(values), statistics.median(values) / floor))
