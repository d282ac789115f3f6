// The shape every presenter has: a state that a screen renders whole, replaced (never mutated)
// on every change, and navigation asked of the screen. The screen attaches when it shows and
// detaches when it goes; a state change while detached is rendered at the next attach.
package org.phum.app.presenter

/** What a presenter asks of its screen besides rendering. */
interface Navigator {
    fun go(destination: Destination)

    /** Leaves this screen (back). */
    fun close()
}

abstract class Presenter<S>(initial: S) {
    var state: S = initial
        private set

    private var view: ((S) -> Unit)? = null
    protected var navigator: Navigator? = null
        private set

    fun attach(navigator: Navigator, view: (S) -> Unit) {
        this.navigator = navigator
        this.view = view
        view(state)
        attached()
    }

    fun detach() {
        detached()
        view = null
        navigator = null
    }

    /** The screen shows again: reload what may have changed meanwhile (none by default). */
    protected open fun attached() {}

    /** The screen goes: stop listening (nothing by default). */
    protected open fun detached() {}

    protected fun update(next: S) {
        state = next
        view?.invoke(next)
    }
}
