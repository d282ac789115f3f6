// The sync screen under Robolectric against the real core: the demo's banner and its sync button,
// a sync with a record the server refused (its Open button starts the record view of that
// record), a failed sync, the empty state, a running and a finished sync kept across rotation,
// and screenshots in English and Khmer.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.DateArg
import org.phum.app.presenter.Session
import org.phum.app.presenter.SyncState
import org.phum.app.presenter.said
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.QueuedWork
import org.phum.app.testing.Records
import org.phum.app.testing.Screenshots
import org.phum.app.testing.ServerRule
import org.phum.app.testing.Views
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class SyncActivityTest {
    private fun launch() = Robolectric.buildActivity(SyncActivity::class.java).setup()

    @Test
    fun `in the demo the banner shows and the sync button explains that practice data is never sent`() {
        val session = Views.use(testSession().apply { openDemo() })
        launch().use { controller ->
            val screen = controller.get()
            assertTrue(Views.texts(screen).contains(session.texts("screen-demo-banner")))
            Views.click(screen, "Sync now")
            assertTrue(Views.texts(screen).contains(session.texts("screen-sync-training-never-sends")))
            assertEquals(SyncState.Idle, session.sync.state)
        }
    }

    @Test
    fun `a refused record is listed with its reason, and Open starts the record view of that record`() {
        val session = Views.use(Records.signedIn(server))
        val visit = Records.refusedVisit(server, session)
        launch().use { controller ->
            val screen = controller.get()
            val texts = Views.texts(screen)
            val reason = session.app!!.syncStatus().issues.single { it.recordKey == visit }.text.text
            assertTrue(texts.contains("Rejected by the server"))
            assertTrue(texts.contains(reason))
            assertTrue(texts.contains(session.texts("screen-sync-fix-hint")))
            assertFalse(texts.contains(session.texts("screen-sync-all-sent")))
            assertTrue("no banner for an account", !texts.contains(session.texts("screen-demo-banner")))

            Views.click(screen, "Open")
            val started = shadowOf(screen).nextStartedActivity
            assertEquals(RecordActivity::class.java.name, started.component!!.className)
            assertEquals("event", started.getStringExtra(Screens.EXTRA_KIND))
            assertEquals(visit, started.getStringExtra(Screens.EXTRA_KEY))
        }
    }

    @Test
    fun `the sync screen with a refused record looks as approved in English, in Khmer and at the largest text size`() {
        // A server of its own: what the report counts does not depend on the other tests.
        for (shot in listOf("en", "km", "km-largest")) Dhis2TestServer().use { own ->
            val language = shot.take(2)
            val session = Views.use(Records.signedIn(own, testSession(language = language)))
            val visit = Records.refusedVisit(own, session, fixedDates = true)
            Screenshots.language(language)
            if (shot.endsWith("largest")) Screenshots.largestText()
            launch().use { controller ->
                val screen = controller.get()
                if (language == "km") assertTrue(hasKhmerLetters(Views.texts(screen).joinToString()))
                Views.stabilize(screen, stable(session, visit))
                Screenshots.check(screen, "sync-$shot")
            }
        }
    }

    @Test
    fun `a failed sync shows the core's explanation`() {
        val session = Views.use(Records.signedIn(server))
        Demo.registerChild(session.app!!, "ហេង សុជាតា", "Heng Socheata")
        launch().use { controller ->
            val screen = controller.get()
            server.inject("POST", "/api/tracker", "malformed-json")
            Views.click(screen, "Sync now")
            val failed = session.sync.state as SyncState.Failed
            val said = failed.error.said
            assertTrue(Views.texts(screen).contains(said))
            assertTrue("the button is back", Views.texts(screen).contains("Sync now"))
            server.clearFaults()
        }
    }

    @Test
    fun `with everything sent the screen says so and when it last synced`() {
        val session = Views.use(Records.signedIn(server))
        launch().use { controller ->
            val texts = Views.texts(controller.get())
            assertTrue(texts.contains(session.texts("screen-sync-all-sent")))
            assertTrue(texts.contains(session.texts("screen-sync-last", "date" to DateArg(Demo.today().toString()))))
            assertFalse(texts.contains("Rejected by the server"))
        }
    }

    @Test
    fun `a running sync survives a rotation and the recreated screen shows how it ended`() {
        val work = QueuedWork()
        val session = Views.use(testSession(work = work))
        session.signIn(server.url, Dhis2TestServer.USER, Dhis2TestServer.PASSWORD)
        session.sync.start()
        work.runAll()
        Demo.registerChild(session.app!!, "ចាន់ ដាវីត", "Chan Davit")
        launch().use { controller ->
            work.runAll()
            Views.click(controller.get(), "Sync now")
            assertTrue(session.sync.isRunning)
            assertTrue(Views.texts(controller.get()).containsAll(listOf("Syncing…", "Cancel")))

            controller.recreate()
            val rotated = controller.get()
            assertTrue("still running after the rotation", Views.texts(rotated).containsAll(listOf("Syncing…", "Cancel")))

            work.runAll()
            val report = (session.sync.state as SyncState.Finished).report
            val texts = Views.texts(controller.get())
            assertTrue(texts.contains(report.summary.text))
            assertTrue(texts.contains(session.texts("screen-sync-all-sent")))
            assertFalse(texts.contains("Cancel"))
        }
    }

    @Test
    fun `a finished sync's report survives a rotation`() {
        val session = Views.use(Records.signedIn(server))
        launch().use { controller ->
            Views.click(controller.get(), "Sync now")
            val summary = (session.sync.state as SyncState.Finished).report.summary.text
            controller.recreate()
            assertTrue(Views.texts(controller.get()).contains(summary))
        }
    }

    /** Today's date and the visit's random UID, replaced by fixed ones for a screenshot. */
    private fun stable(session: Session, visit: String) =
        mapOf(
            session.texts("screen-sync-last", "date" to DateArg(Demo.today().toString())) to
                session.texts("screen-sync-last", "date" to DateArg("2026-12-05")),
            visit to "PhumVisit01",
        )

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
