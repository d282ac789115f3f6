// Where work runs: the core's calls block (disk, network), so presenters hand them to
// [Work.background] and show the answer through [Work.onMain]. The Android implementation uses an
// executor and the main looper (org.phum.app.android.MainWork); tests run both at once.
package org.phum.app.platform

interface Work {
    fun background(task: () -> Unit)

    fun onMain(task: () -> Unit)
}

/** Runs both at once, on the calling thread (tests). */
object ImmediateWork : Work {
    override fun background(task: () -> Unit) = task()

    override fun onMain(task: () -> Unit) = task()
}

/** Background sync: asks the platform to run the sync when a network is there. */
interface SyncScheduler {
    /** Run the sync as soon as a network is available, and again every few hours. */
    fun schedule()

    fun cancel()
}
