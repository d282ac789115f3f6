//! Android only: TLS trusts the phone's certificate store (and the certificates its user or
//! administrator added), through rustls-platform-verifier, which the core's HTTP client uses on
//! Android (`ureq`'s `RootCerts::PlatformVerifier`). The verifier calls Android's
//! `X509TrustManager` through JNI and needs the app's `Context`: [`JNI_OnLoad`] gets it from
//! `ActivityThread.currentApplication()` when the library is loaded.
//!
//! JNA loads the library with `dlopen`, which does not call `JNI_OnLoad`: the shell loads it once
//! with `System.loadLibrary("phum_bindings")` before the first call (the Android app does so in its
//! `Application.onCreate`). The verifier's Kotlin part (the `rustls-platform-verifier` AAR, shipped
//! inside that crate as a local Maven repository) must be in the APK; the Gradle project adds it.
//! On other systems nothing here is built and the client trusts the webpki roots.
//!
//! Owns the JNI entry point. Does not own TLS (core's `sync::client`).

use std::ffi::c_void;

use jni::sys::{jint, JNI_ERR, JNI_VERSION_1_6};
use jni::{jni_sig, jni_str, Env, JavaVM};

/// Called by the JVM when `System.loadLibrary` loads this library: hands the application's
/// Context to the platform verifier. A failure is logged and leaves TLS failing with a clear
/// error at the first connection rather than crashing the app at start.
///
/// # Safety
/// Called by the JVM with a valid `JavaVM` pointer.
#[no_mangle]
pub unsafe extern "system" fn JNI_OnLoad(vm: *mut jni::sys::JavaVM, _reserved: *mut c_void) -> jint {
    if vm.is_null() {
        return JNI_ERR;
    }
    // SAFETY: the JVM passes its own, valid JavaVM pointer.
    let vm = unsafe { JavaVM::from_raw(vm) };
    let result = std::panic::catch_unwind(|| vm.attach_current_thread(|env: &mut Env| init_verifier(env)));
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => log::error!("the platform certificate verifier could not start: {e}"),
        Err(_) => log::error!("the platform certificate verifier panicked at start"),
    }
    JNI_VERSION_1_6
}

/// The application's Context (`ActivityThread.currentApplication()`, available once the app's
/// process runs) to rustls-platform-verifier.
fn init_verifier(env: &mut Env) -> Result<(), jni::errors::Error> {
    let application = env
        .call_static_method(
            jni_str!("android/app/ActivityThread"),
            jni_str!("currentApplication"),
            jni_sig!(() -> android.app.Application),
            &[],
        )?
        .l()?;
    if application.is_null() {
        return Err(jni::errors::Error::NullPtr("ActivityThread.currentApplication()"));
    }
    rustls_platform_verifier::android::init_with_env(env, application)
}
