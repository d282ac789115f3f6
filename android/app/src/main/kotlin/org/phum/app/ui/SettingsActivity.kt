// PLACEHOLDER (the lead's real screen replaces it).
package org.phum.app.ui

import android.app.Activity

class SettingsActivity : Activity()
