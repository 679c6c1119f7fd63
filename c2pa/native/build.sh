#!/usr/bin/env bash
# Builds the c2pa-rs C FFI (crate c2pa-c-ffi, version and features pinned in Cargo.toml/Cargo.lock) and
# copies libc2pa_c.so + c2pa.h into the Java class path folder given as $1 (JNA resource layout).
# cargo's own fingerprinting makes a second build a no-op; the cargo target folder lives here, outside
# Maven's target/, so `mvn clean` does not throw away the Rust build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh CLASSES_DIR}

if ! command -v cargo >/dev/null 2>&1; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "ERROR: cargo (Rust) is required to build the c2pa-rs library: install Rust with rustup, then build again." >&2
  exit 1
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) jna_dir=linux-x86-64; lib=libc2pa_c.so ;;
  Linux-aarch64) jna_dir=linux-aarch64; lib=libc2pa_c.so ;;
  Darwin-arm64) jna_dir=darwin-aarch64; lib=libc2pa_c.dylib ;;
  Darwin-x86_64) jna_dir=darwin-x86-64; lib=libc2pa_c.dylib ;;
  *) echo "ERROR: unsupported platform $(uname -s)-$(uname -m) for the c2pa native build" >&2; exit 1 ;;
esac

cd "$here"
# The crate is built from an unpacked copy without its published Cargo.lock (see the [patch] in Cargo.toml):
# fetch it through cargo (checksum-verified against the index), then unpack it where the patch points.
crate_version=$(sed -n 's/^c2pa-c-ffi = { path = "target\/c2pa-c-ffi-\(.*\)" }$/\1/p' Cargo.toml)
src_dir="target/c2pa-c-ffi-$crate_version"
if [ ! -f "$src_dir/Cargo.toml" ]; then
  cargo fetch --locked -q --manifest-path fetch/Cargo.toml
  crate_file=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"c2pa-c-ffi-$crate_version.crate" | head -n 1)
  mkdir -p target
  rm -rf "$src_dir.tmp" && mkdir "$src_dir.tmp"
  tar -xzf "$crate_file" -C "$src_dir.tmp"
  rm -f "$src_dir.tmp/c2pa-c-ffi-$crate_version/Cargo.lock"
  rm -rf "$src_dir" && mv "$src_dir.tmp/c2pa-c-ffi-$crate_version" "$src_dir" && rm -rf "$src_dir.tmp"
fi
# --locked: the committed Cargo.lock is the build; -q keeps Maven's log readable. --ignore-rust-version: the
# crate declares rustc 1.96 and builds with 1.95 (see Cargo.toml).
cargo build --release --locked --ignore-rust-version -q -p c2pa-c-ffi
mkdir -p "$out/$jna_dir"
cp -p "target/release/$lib" "$out/$jna_dir/$lib"
[ -f target/release/c2pa.h ] && cp -p target/release/c2pa.h "$out/$jna_dir/c2pa.h"
echo "c2pa native library: $out/$jna_dir/$lib"
