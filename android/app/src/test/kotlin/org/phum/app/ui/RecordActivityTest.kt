// The read-only record view under Robolectric against the real core: a visit the server refused
// opened at the field named (marked with the reason), a record that no longer exists, the state
// kept across a rotation, and screenshots in English and Khmer.
package org.phum.app.ui

import android.content.Intent
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.Destination
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Records
import org.phum.app.testing.Screenshots
import org.phum.app.testing.ServerRule
import org.phum.app.testing.Views
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer
import org.robolectric.Robolectric
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class RecordActivityTest {
    private fun launch(record: Destination.Record) =
        Robolectric.buildActivity(RecordActivity::class.java, Screens.intent(Views.application, record)).setup()

    @Test
    fun `a refused visit opens at the field the server named, marked with the reason`() {
        val session = Views.use(Records.signedIn(server))
        val visit = Records.refusedVisit(server, session)
        val reason = session.app!!.syncStatus().issues.single { it.recordKey == visit }.text.text
        launch(Destination.Record("event", visit, Demo.CHILD_WEIGHT)).use { controller ->
            val screen = controller.get()
            val texts = Views.texts(screen)
            assertTrue(texts.contains("Record details"))
            val marked = texts.indexOf("The server refused this value")
            assertTrue("marked: $texts", marked > 0)
            assertEquals("the weight's value just above the mark", "4.5", texts[marked - 1])
            assertEquals(reason, texts[marked + 1])
            assertEquals("the reason is shown once", 1, texts.count { it == reason })

            controller.recreate()
            assertEquals(texts, Views.texts(controller.get()))
        }
    }

    @Test
    fun `a record that no longer exists says so`() {
        val session = Views.use(testSession().apply { openDemo() })
        launch(Destination.Record("event", "NoSuchEvent", null)).use { controller ->
            val texts = Views.texts(controller.get())
            assertTrue(texts.contains(session.texts("screen-demo-banner")))
            assertTrue("an error and the title only: $texts", texts.size == 3 && texts.none { it == "The server refused this value" })
        }
    }

    @Test
    fun `the record view looks as approved in English, in Khmer and at the largest text size`() {
        for (shot in listOf("en", "km", "km-largest")) Dhis2TestServer().use { own ->
            val language = shot.take(2)
            val session = Views.use(Records.signedIn(own, testSession(language = language)))
            val visit = Records.refusedVisit(own, session, fixedDates = true)
            Screenshots.language(language)
            if (shot.endsWith("largest")) Screenshots.largestText()
            launch(Destination.Record("event", visit, Demo.CHILD_WEIGHT)).use { controller ->
                val screen = controller.get()
                if (language == "km") assertTrue(hasKhmerLetters(Views.texts(screen).joinToString()))
                Views.stabilize(screen, mapOf(visit to "PhumVisit01"))
                Screenshots.check(screen, "record-$shot")
            }
        }
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
