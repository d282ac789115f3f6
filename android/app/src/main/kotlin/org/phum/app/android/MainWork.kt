// Background work on a small pool of threads, answers on the main looper.
package org.phum.app.android

import android.os.Handler
import android.os.Looper
import java.util.concurrent.Executors
import org.phum.app.platform.Work

class MainWork : Work {
    private val pool = Executors.newFixedThreadPool(2)
    private val main = Handler(Looper.getMainLooper())

    override fun background(task: () -> Unit) {
        pool.execute(task)
    }

    override fun onMain(task: () -> Unit) {
        main.post(task)
    }
}
