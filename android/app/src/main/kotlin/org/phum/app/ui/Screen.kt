// What every screen shares: the training-mode banner on top while the demo is open, a header
// with the title and its icon buttons, a scrolling body the screen fills from its presenter's
// state, and navigation. The presenter is kept across a rotation (the framework's
// non-configuration instance, no AndroidX); a change of language, digits or text size rebuilds
// the screen and its presenter so every word is said again in the new setting.
package org.phum.app.ui

import android.app.Activity
import android.os.Bundle
import android.view.ViewGroup
import android.widget.LinearLayout
import android.widget.ScrollView
import org.phum.app.PhumApplication
import org.phum.app.presenter.Destination
import org.phum.app.presenter.Navigator
import org.phum.app.presenter.Presenter
import org.phum.app.presenter.Session

abstract class Screen<S, P : Presenter<S>> : Activity(), Navigator {
    protected val session: Session
        get() = (application as PhumApplication).session

    protected lateinit var presenter: P
    protected lateinit var ui: Ui

    /** The header row: the title, then the screen's icon buttons. */
    protected lateinit var header: LinearLayout

    /** Where the screen puts its content, emptied before every render. */
    protected lateinit var body: LinearLayout

    /** Views that stay put above the body and across renders (a search field being typed in). */
    protected lateinit var fixed: LinearLayout
    private lateinit var bannerSlot: LinearLayout
    private var renderedWith: Any? = null
    private var rebuilding = false
    private val settingsChanged = { rebuild() }

    abstract fun makePresenter(): P

    /** Shows [state]: the screen's title and body (the body is emptied first by [show]). */
    abstract fun render(state: S)

    /** The screen's title in the user's language. */
    abstract fun title(): String

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        @Suppress("UNCHECKED_CAST", "DEPRECATION")
        presenter = (lastNonConfigurationInstance as? P) ?: makePresenter()
        ui = Ui(this, session.textSize.scale)
        renderedWith = settingsNow()
        bannerSlot = ui.column()
        header = ui.row()
        body = ui.column().apply { setPadding(ui.dp(16), ui.dp(8), ui.dp(16), ui.dp(16)) }
        fixed = ui.column().apply { setPadding(ui.dp(16), 0, ui.dp(16), 0) }
        val scroll = ScrollView(this).apply { addView(body) }
        val root = ui.column(bannerSlot, header, fixed, scroll)
        scroll.layoutParams = LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, 0, 1f)
        setContentView(root)
    }

    override fun onStart() {
        super.onStart()
        if (renderedWith != settingsNow()) {
            rebuild()
            return
        }
        session.addListener(settingsChanged)
        presenter.attach(this) { show(it) }
    }

    override fun onStop() {
        presenter.detach()
        session.removeListener(settingsChanged)
        super.onStop()
    }

    @Deprecated("The framework's way to keep an object across a configuration change")
    override fun onRetainNonConfigurationInstance(): Any? = if (rebuilding) null else presenter

    /** The banner, the header and the body, from [state]. */
    private fun show(state: S) {
        bannerSlot.removeAllViews()
        if (session.demo) bannerSlot.addView(ui.fill(ui.banner(session.texts("screen-demo-banner"))))
        header.removeAllViews()
        header.setPadding(ui.dp(16), ui.dp(8), ui.dp(8), 0)
        header.addView(ui.fill(ui.title(title()), 1f))
        addHeaderButtons()
        body.removeAllViews()
        render(state)
    }

    /** The screen's icon buttons in the header (none by default). */
    protected open fun addHeaderButtons() {}

    private fun settingsNow(): Any = Triple(session.texts.language, session.texts.khmerDigits, session.textSize)

    /** Says everything again in the new settings: a new presenter, a new layout. */
    private fun rebuild() {
        rebuilding = true
        recreate()
    }

    override fun go(destination: Destination) {
        startActivity(Screens.intent(this, destination))
    }

    override fun close() = finish()

}
