// PLACEHOLDER (the lead's real one replaces it): the JobScheduler entry of a scheduled sync.
package org.phum.app.android

import android.app.job.JobParameters
import android.app.job.JobService

class SyncJobService : JobService() {
    override fun onStartJob(params: JobParameters?): Boolean = false

    override fun onStopJob(params: JobParameters?): Boolean = false
}
