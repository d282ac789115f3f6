// The background sync's job: asks the process's one SyncRunner (in the Session) to sync, and
// tells JobScheduler when it is done. The core keeps the password in memory only, so a job can
// sync only in a process where the user signed in; in a process started for the job alone (or
// in training mode) there is nothing to do and the job finishes without asking again: the next
// sign-in schedules the jobs anew. When the system stops the job, the sync is cancelled and the
// job asks to run again: the core's sync goes on from the phase it recorded.
package org.phum.app.android

import android.app.job.JobParameters
import android.app.job.JobService
import org.phum.app.PhumApplication

class SyncJobService : JobService() {
    override fun onStartJob(params: JobParameters): Boolean {
        val session = (application as PhumApplication).session
        if (session.app == null || session.signedIn == null || session.demo) return false
        return session.sync.start { ok -> jobFinished(params, !ok) }
    }

    override fun onStopJob(params: JobParameters): Boolean {
        (application as PhumApplication).session.sync.cancel()
        return true
    }
}
