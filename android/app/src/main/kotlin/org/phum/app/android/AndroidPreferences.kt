// Preferences kept in the app's private SharedPreferences, written synchronously (commit) so a
// process death right after a change loses nothing.
package org.phum.app.android

import android.content.Context
import org.phum.app.platform.Preferences

class AndroidPreferences(context: Context) : Preferences {
    private val shared = context.getSharedPreferences("phum", Context.MODE_PRIVATE)

    override fun string(key: String): String? = shared.getString(key, null)

    override fun put(key: String, value: String?) {
        val edit = shared.edit()
        if (value == null) edit.remove(key) else edit.putString(key, value)
        edit.commit()
    }
}
