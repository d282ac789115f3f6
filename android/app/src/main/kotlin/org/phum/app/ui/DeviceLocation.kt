// The phone's location for a form's place (COORDINATE) field, through the framework's
// LocationManager: whether the user permitted it, asking them, and one fresh fix from the GPS (or
// the network when the GPS is off). A stale last-known fix is not used: a visit is recorded where
// it happens. Owns talking to LocationManager; the form decides what to do with the answer.
package org.phum.app.ui

import android.Manifest
import android.app.Activity
import android.content.pm.PackageManager
import android.location.Location
import android.location.LocationListener
import android.location.LocationManager
import android.os.Build
import android.os.Bundle
import android.os.Handler
import android.os.Looper

class DeviceLocation(private val activity: Activity) {
    /** The user let the app read the location (precise or approximate). */
    fun permitted(): Boolean = PERMISSIONS.any { activity.checkSelfPermission(it) == PackageManager.PERMISSION_GRANTED }

    /** Asks the user; the answer comes to the Activity's onRequestPermissionsResult with [requestCode]. */
    fun ask(requestCode: Int) = activity.requestPermissions(PERMISSIONS, requestCode)

    /** One fresh fix, or null when location is off on the phone or none came in time. */
    fun locate(found: (Location?) -> Unit) {
        val manager = activity.getSystemService(LocationManager::class.java)
        val provider = listOf(LocationManager.GPS_PROVIDER, LocationManager.NETWORK_PROVIDER).firstOrNull { manager?.isProviderEnabled(it) == true }
        if (manager == null || provider == null) return found(null)
        try {
            if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                manager.getCurrentLocation(provider, null, activity.mainExecutor) { found(it) }
            } else {
                single(manager, provider, found)
            }
        } catch (e: SecurityException) {
            // The permission was taken back meanwhile.
            found(null)
        }
    }

    /** Before Android 11: one update, or null after [TIMEOUT_MS]. */
    @Suppress("DEPRECATION")
    private fun single(manager: LocationManager, provider: String, found: (Location?) -> Unit) {
        val main = Handler(Looper.getMainLooper())
        var answered = false
        val listener =
            object : LocationListener {
                override fun onLocationChanged(location: Location) {
                    if (answered) return
                    answered = true
                    found(location)
                }

                @Deprecated("Android calls it before 10 only")
                override fun onStatusChanged(provider: String?, status: Int, extras: Bundle?) {}

                override fun onProviderEnabled(provider: String) {}

                override fun onProviderDisabled(provider: String) {}
            }
        manager.requestSingleUpdate(provider, listener, Looper.getMainLooper())
        main.postDelayed({
            if (!answered) {
                answered = true
                manager.removeUpdates(listener)
                found(null)
            }
        }, TIMEOUT_MS)
    }

    private companion object {
        val PERMISSIONS = arrayOf(Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION)
        const val TIMEOUT_MS = 30_000L
    }
}
