// PLACEHOLDER (the lead's real screen replaces it): the launcher Activity, framework views only.
package org.phum.app.ui

import android.app.Activity
import android.os.Bundle
import android.util.TypedValue
import android.view.Gravity
import android.widget.Button
import android.widget.LinearLayout
import android.widget.TextView

class FirstRunActivity : Activity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val padding = (24 * resources.displayMetrics.density).toInt()
        val layout = LinearLayout(this).apply {
            orientation = LinearLayout.VERTICAL
            gravity = Gravity.CENTER_HORIZONTAL
            setPadding(padding, padding, padding, padding)
        }
        layout.addView(TextView(this).apply {
            text = "Phum ភូមិ"
            setTextSize(TypedValue.COMPLEX_UNIT_SP, 32f)
        })
        layout.addView(TextView(this).apply {
            text = "សូមស្វាគមន៍ — Welcome"
            setTextSize(TypedValue.COMPLEX_UNIT_SP, 18f)
        })
        layout.addView(Button(this).apply { text = "Demo" })
        setContentView(layout)
    }
}
