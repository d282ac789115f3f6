//! The UniFFI bindings generator, built from the same uniffi version as the library so the two
//! always agree. `scripts/test` runs it in library mode on the built `libphum_bindings.so`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
