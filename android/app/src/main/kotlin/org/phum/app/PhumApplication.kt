// PLACEHOLDER (the lead's real one replaces it): the process-wide start of the app.
package org.phum.app

import android.app.Application
import android.os.Build

class PhumApplication : Application() {
    override fun onCreate() {
        super.onCreate()
        // On a phone, load the core once through the JVM so its JNI_OnLoad hands the Context to
        // the TLS verifier (bindings/src/android.rs); JNA's own loading does not run it. Under
        // Robolectric (tests on this host) JNA loads the host build and there is no verifier.
        if (Build.FINGERPRINT != "robolectric") System.loadLibrary("phum_bindings")
    }
}
