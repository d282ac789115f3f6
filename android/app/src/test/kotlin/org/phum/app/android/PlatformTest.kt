// The Android implementations of the platform interfaces under Robolectric: the background sync's
// two jobs (their constraints, and both cancelled at sign-out), and the Keystore vault's refusals
// (a damaged wrapped key; a JVM without the AndroidKeyStore provider), each a KeyVaultException
// that the screens explain with the key-unavailable text.
package org.phum.app.android

import android.app.job.JobInfo
import android.app.job.JobScheduler
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.platform.KeyVaultException
import org.phum.app.presenter.Texts
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Views
import org.robolectric.annotation.Config

@RunWith(PhumTestRunner::class)
@Config(sdk = [34])
class PlatformTest {
    private val jobs get() = Views.application.getSystemService(JobScheduler::class.java)

    @Test
    fun `the sync is scheduled every six hours and once when online, persisted, and both are cancelled`() {
        val sync = JobSchedulerSync(Views.application)
        sync.schedule()
        val pending = jobs.allPendingJobs.associateBy { it.id }
        assertEquals(setOf(JobSchedulerSync.PERIODIC, JobSchedulerSync.WHEN_ONLINE), pending.keys)
        val periodic = pending.getValue(JobSchedulerSync.PERIODIC)
        assertTrue(periodic.isPeriodic)
        assertEquals(6 * 60 * 60 * 1000L, periodic.intervalMillis)
        val online = pending.getValue(JobSchedulerSync.WHEN_ONLINE)
        assertTrue(!online.isPeriodic)
        for (job in pending.values) {
            @Suppress("DEPRECATION") // the Int form setRequiredNetworkType sets
            assertEquals(JobInfo.NETWORK_TYPE_ANY, job.networkType)
            assertTrue(job.isPersisted)
            assertEquals(SyncJobService::class.java.name, job.service.className)
        }

        sync.schedule()
        assertEquals("scheduling again replaces, never adds", 2, jobs.allPendingJobs.size)
        sync.cancel()
        assertEquals(0, jobs.allPendingJobs.size)
    }

    @Test
    fun `a damaged wrapped key is refused before the key store is asked`() {
        val vault = KeystoreVault()
        for (damaged in listOf(byteArrayOf(), byteArrayOf(0), byteArrayOf(12, 1, 2, 3))) {
            assertThrows(KeyVaultException::class.java) { vault.unwrap(damaged) }
        }
    }

    @Test
    fun `without the phone's key store, wrapping fails with the platform's cause and is explained`() {
        val refused = assertThrows(KeyVaultException::class.java) { KeystoreVault().wrap(ByteArray(32)) }
        assertNotNull("the platform's exception is kept", refused.cause)
        assertEquals(Texts("en", false)("screen-common-key-unavailable"), Texts("en", false).explain(refused))
    }
}
