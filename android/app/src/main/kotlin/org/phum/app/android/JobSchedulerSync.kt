// Background sync on a phone: JobScheduler runs SyncJobService every few hours while a network
// is there, and once as soon as a network comes back. Both jobs are persisted (they outlive a
// reboot: the manifest asks for RECEIVE_BOOT_COMPLETED). Owns the jobs' constraints. Does not own
// what a job does (SyncJobService) or when to schedule (the Session: at sign-in, and cancel at
// sign-out).
package org.phum.app.android

import android.app.job.JobInfo
import android.app.job.JobScheduler
import android.content.ComponentName
import android.content.Context
import java.util.concurrent.TimeUnit
import org.phum.app.platform.SyncScheduler

class JobSchedulerSync(context: Context) : SyncScheduler {
    private val context = context.applicationContext
    private val jobs = context.getSystemService(JobScheduler::class.java)

    override fun schedule() {
        val service = ComponentName(context, SyncJobService::class.java)
        jobs.schedule(
            JobInfo.Builder(PERIODIC, service)
                .setRequiredNetworkType(JobInfo.NETWORK_TYPE_ANY)
                .setPeriodic(PERIOD_MILLIS)
                .setPersisted(true)
                .build(),
        )
        // Without a latency, this runs as soon as a network is there: now when online, else
        // when the network comes back.
        jobs.schedule(
            JobInfo.Builder(WHEN_ONLINE, service)
                .setRequiredNetworkType(JobInfo.NETWORK_TYPE_ANY)
                .setPersisted(true)
                .build(),
        )
    }

    override fun cancel() {
        jobs.cancel(PERIODIC)
        jobs.cancel(WHEN_ONLINE)
    }

    companion object {
        /** The jobs' ids (unique in the app). */
        const val PERIODIC = 1201
        const val WHEN_ONLINE = 1202
        val PERIOD_MILLIS = TimeUnit.HOURS.toMillis(6)
    }
}
