// The login screen. Its fields are made once and kept across renders (what the user typed and
// where the cursor is survive every state change, and their ids keep them across a rotation); the labels, the button and the error follow
// the presenter's state.
package org.phum.app.ui

import android.os.Bundle
import android.text.InputType
import android.widget.CheckBox
import android.widget.EditText
import android.widget.TextView
import org.phum.app.R
import org.phum.app.presenter.LoginPresenter

class LoginActivity : Screen<LoginPresenter.State, LoginPresenter>() {
    private lateinit var server: EditText
    private lateinit var username: EditText
    private lateinit var password: EditText
    private lateinit var show: CheckBox

    override fun makePresenter() = LoginPresenter(session)

    override fun title() = presenter.state.title

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val s = presenter.state
        server = ui.field(s.serverLabel, InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_URI).apply { id = R.id.login_server }
        username = ui.field(s.usernameLabel).apply { id = R.id.login_username }
        password = ui.field(s.passwordLabel, PASSWORD).apply { id = R.id.login_password }
        show = CheckBox(this).apply {
            minHeight = ui.dp(Ui.TOUCH)
            setOnCheckedChangeListener { _, on ->
                password.inputType = if (on) InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_VISIBLE_PASSWORD else PASSWORD
                password.setSelection(password.text.length)
            }
        }
        if (savedInstanceState == null) {
            server.setText(s.serverUrl)
            username.setText(s.username)
        }
    }

    override fun render(state: LoginPresenter.State) {
        if (server.text.toString() != state.serverUrl && !state.busy) server.setText(state.serverUrl)
        if (username.text.toString() != state.username && !state.busy) username.setText(state.username)
        server.hint = state.serverHint
        show.text = state.showPassword
        body.addView(label(state.serverLabel))
        body.addView(ui.fill(server))
        body.addView(label(state.usernameLabel))
        body.addView(ui.fill(username))
        body.addView(label(state.passwordLabel))
        body.addView(ui.fill(password))
        body.addView(show)
        state.error?.let { body.addView(ui.error(it)) }
        body.addView(
            ui.fill(
                ui.button(state.button) {
                    presenter.signIn(server.text.toString(), username.text.toString(), password.text.toString())
                }.apply { isEnabled = !state.busy },
            ),
        )
        state.offlineHint?.let { body.addView(ui.text(it, Ui.SMALL)) }
        if (state.busy) body.addView(ui.text(state.firstDownload, Ui.SMALL))
        body.addView(ui.fill(ui.button(state.otherAccount) { presenter.otherAccount() }))
    }

    private fun label(text: String): TextView = ui.text(text, Ui.SMALL, bold = true)

    private companion object {
        const val PASSWORD = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_PASSWORD
    }
}
