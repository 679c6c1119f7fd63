#!/usr/bin/env bash
# Installs what a fresh machine lacks for Hallmark, and says clearly what it cannot install.
# Used by ./hallmark (first run) and by .ci/run. Safe to run again: it only acts on what is missing.
set -euo pipefail

missing_libs=()
# FFmpeg's avdevice (JavaCV) links against these system libraries; they are not in the JavaCV jars.
for lib in libxcb.so.1 libxcb-shm.so.0 libasound.so.2 libpulse.so.0; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing_libs+=("$lib")
done
if [ ${#missing_libs[@]} -gt 0 ]; then
  pkgs="libxcb1 libxcb-shm0 libasound2 libpulse0"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing system libraries for FFmpeg: $pkgs" >&2
    (apt-get install -y -qq $pkgs >/dev/null 2>&1) || { apt-get update -qq >/dev/null && apt-get install -y -qq $pkgs >/dev/null; }
  else
    echo "setup: missing ${missing_libs[*]}; install them with: sudo apt-get install $pkgs" >&2
    exit 1
  fi
fi

for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' is required (Java 17+ and Maven)." >&2; exit 1; }
done
if ! command -v cargo >/dev/null && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
  echo "setup: cargo (Rust) is required to build the c2pa-rs library: install it with rustup (https://rustup.rs)." >&2
  exit 1
fi
