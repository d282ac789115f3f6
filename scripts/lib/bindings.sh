# The core's Kotlin bindings for the host, for the scripts that run Kotlin against the real core
# (sourced by scripts/kotlin-test and scripts/android-test, run by the Gradle build's
# generateBindings task; not run on its own). It owns one step: build the UniFFI library for this
# host (target/debug/libphum_bindings.so, .dylib on macOS, which JNA loads in the JVM tests) and its
# generator, then generate the Kotlin bindings from the built library (library mode;
# bindings/uniffi.toml: package org.phum.core, android = false) into target/kotlin-bindings (never
# committed). It does not compile the Kotlin (each caller's build does).
#
# Usage (from the repository root):
#   source scripts/lib/bindings.sh
#   bindings_generate

bindings_generate() {
  # The generator first: its build (with the bindgen feature) also writes the library, which the
  # plain build then puts back as the app gets it.
  cargo build --locked -p phum-bindings --features bindgen --bin uniffi-bindgen
  cargo build --locked -p phum-bindings
  local library=target/debug/libphum_bindings.so
  [ "$(uname -s)" != Darwin ] || library=target/debug/libphum_bindings.dylib
  rm -rf target/kotlin-bindings
  target/debug/uniffi-bindgen generate --library "$library" --language kotlin \
    --out-dir target/kotlin-bindings --no-format
}
