// The process: loads the core (on a phone, System.loadLibrary runs the core's JNI_OnLoad, which
// gives its TLS the platform's trust store; JNA then finds the loaded library) and makes the one
// Session every screen and the background sync share. Tests replace [session] with one on test
// doubles before a screen starts.
package org.phum.app

import android.app.Application
import android.os.Build
import java.util.TimeZone
import org.phum.app.android.AndroidPreferences
import org.phum.app.android.JobSchedulerSync
import org.phum.app.android.KeystoreVault
import org.phum.app.android.MainWork
import org.phum.app.presenter.Session

class PhumApplication : Application() {
    lateinit var session: Session

    override fun onCreate() {
        super.onCreate()
        // Under Robolectric on the JVM, JNA loads the host's build of the core by itself.
        if (Build.FINGERPRINT != "robolectric") System.loadLibrary("phum_bindings")
        session =
            Session(
                preferences = AndroidPreferences(this),
                vault = KeystoreVault(),
                work = MainWork(),
                scheduler = JobSchedulerSync(this),
                folder = filesDir.path,
                timeZone = { TimeZone.getDefault().id },
            )
    }
}
