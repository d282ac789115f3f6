// What the app remembers between runs (language, digits, text size, which account is open, the
// wrapped database keys), as strings by key. Owns the interface and the typed view of it; the
// Android implementation (SharedPreferences) is in org.phum.app.android. No android.* here.
package org.phum.app.platform

interface Preferences {
    fun string(key: String): String?

    /** Stores [value] under [key]; null removes it. Written before this returns. */
    fun put(key: String, value: String?)
}

/** The app's settings, as the user chose them. */
enum class Mode { NONE, DEMO, ACCOUNT }

/** How large the app's text is, on top of the phone's own font size. */
enum class TextSize(val scale: Float, val textId: String) {
    NORMAL(1.0f, "screen-settings-text-size-normal"),
    LARGE(1.25f, "screen-settings-text-size-large"),
    LARGEST(1.5f, "screen-settings-text-size-largest"),
}

/** The typed view of [Preferences] that the presenters use. */
class AppPreferences(private val store: Preferences) {
    /** `km` or `en`; null until the user chose (the first-run screen asks, Khmer first). */
    var language: String?
        get() = store.string("language")
        set(value) = store.put("language", value)

    var khmerDigits: Boolean
        get() = store.string("khmer_digits") == "true"
        set(value) = store.put("khmer_digits", value.toString())

    var textSize: TextSize
        get() = TextSize.entries.firstOrNull { it.name == store.string("text_size") } ?: TextSize.NORMAL
        set(value) = store.put("text_size", value.name)

    var mode: Mode
        get() = Mode.entries.firstOrNull { it.name == store.string("mode") } ?: Mode.NONE
        set(value) = store.put("mode", value.name)

    /** The account last signed in to (its server address and username). */
    var serverUrl: String?
        get() = store.string("server_url")
        set(value) = store.put("server_url", value)

    var username: String?
        get() = store.string("username")
        set(value) = store.put("username", value)

    /** The org unit the home screen works in. */
    var orgUnit: String?
        get() = store.string("org_unit")
        set(value) = store.put("org_unit", value)

    fun wrappedKey(account: String): String? = store.string("key.$account")

    fun putWrappedKey(account: String, wrappedHex: String) = store.put("key.$account", wrappedHex)
}
