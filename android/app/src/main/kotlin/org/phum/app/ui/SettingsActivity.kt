// The settings screen: renders SettingsPresenter's state and forwards the choices; a question
// the presenter asks (sign out, reset the practice data) is shown as a framework AlertDialog,
// shown again after a rotation while the state still asks it.
package org.phum.app.ui

import android.app.AlertDialog
import android.content.pm.PackageManager
import org.phum.app.presenter.SettingsPresenter

class SettingsActivity : Screen<SettingsPresenter.State, SettingsPresenter>() {
    private var dialog: AlertDialog? = null

    override fun makePresenter() = SettingsPresenter(session, appVersion())

    override fun title() = presenter.state.title

    override fun onStop() {
        closeDialog()
        super.onStop()
    }

    override fun render(state: SettingsPresenter.State) {
        val controls = Controls(ui)
        body.addView(ui.text(state.languageTitle, bold = true))
        body.addView(ui.fill(controls.choice(state.khmer, state.language == "km") { presenter.chooseLanguage("km") }))
        body.addView(ui.fill(controls.choice(state.english, state.language == "en") { presenter.chooseLanguage("en") }))
        body.addView(ui.fill(controls.toggle(state.khmerDigitsLabel, state.khmerDigits) { presenter.setKhmerDigits(it) }))
        body.addView(ui.text(state.khmerDigitsHint, Ui.SMALL))

        body.addView(section(state.textSizeTitle))
        for ((size, label) in state.textSizes) {
            body.addView(ui.fill(controls.choice(label, state.textSize == size) { presenter.chooseTextSize(size) }))
        }

        if (state.demo) {
            // The banner above already says this is training mode: a gap, no second heading.
            body.addView(ui.text("").apply { setPadding(0, ui.dp(8), 0, 0) })
            body.addView(ui.fill(ui.button(state.resetDemo) { presenter.resetDemo() }.apply { isEnabled = !state.busy }))
            body.addView(ui.fill(ui.button(state.leaveDemo) { presenter.leaveDemo() }.apply { isEnabled = !state.busy }))
        } else if (state.account != null) {
            body.addView(section(state.accountTitle))
            body.addView(ui.text(state.account))
            body.addView(ui.fill(ui.button(state.signOut) { presenter.signOut() }.apply { isEnabled = !state.busy }))
        }
        state.notice?.let { body.addView(ui.text(it, bold = true)) }
        state.error?.let { body.addView(ui.error(it)) }
        state.versionText?.let { body.addView(ui.text(it, Ui.SMALL).apply { setPadding(0, ui.dp(24), 0, ui.dp(4)) }) }
        showDialog(state)
    }

    private fun section(title: String) = ui.text(title, bold = true).apply { setPadding(0, ui.dp(20), 0, ui.dp(4)) }

    /** The presenter's question as a dialog, its text with Khmer's line spacing. */
    private fun showDialog(state: SettingsPresenter.State) {
        closeDialog()
        val question = state.confirm ?: return
        val message = ui.text(question.question).apply { setPadding(ui.dp(24), ui.dp(16), ui.dp(24), ui.dp(8)) }
        dialog =
            AlertDialog.Builder(this)
                .setView(message)
                .setPositiveButton(question.yes) { _, _ -> presenter.confirm() }
                .setNegativeButton(state.cancel) { _, _ -> presenter.dismiss() }
                .setOnCancelListener { presenter.dismiss() }
                .show()
    }

    /** Takes the dialog off the screen without answering it (the state still asks). */
    private fun closeDialog() {
        dialog?.setOnCancelListener(null)
        dialog?.dismiss()
        dialog = null
    }

    /** The package's version name; null when it names none (the line is left out then). */
    private fun appVersion(): String? =
        try {
            packageManager.getPackageInfo(packageName, 0).versionName
        } catch (e: PackageManager.NameNotFoundException) {
            null
        }
}
