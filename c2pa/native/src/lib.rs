//! Empty on purpose: see Cargo.toml. The shared library comes from the c2pa-c-ffi package itself.
