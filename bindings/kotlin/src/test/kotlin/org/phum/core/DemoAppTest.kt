// The demo opened from Kotlin: what the App says it is, its settings, reopening and resetting.
package org.phum.core

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

class DemoAppTest {
    @TempDir
    lateinit var dir: File

    @Test
    fun `the demo opens as the demo account with the settings it was given`() {
        App.openDemo(dir.path, keyHex(), settings("km", khmerDigits = true)).use { app ->
            assertEquals(AccountInfo(serverUrl = "", username = "", demo = true), app.account())
            assertEquals(settings("km", khmerDigits = true), app.settings())
            assertFalse(app.hasSignedInBefore())
        }
        assertTrue(dir.listFiles()!!.isNotEmpty(), "the demo's files are in the folder given")
    }

    @Test
    fun `settings change at any time and a bad one changes nothing`() {
        App.openDemo(dir.path, keyHex(), settings("en")).use { app ->
            app.setSettings(Settings("km_KH", true, "Asia/Bangkok"))
            assertEquals(Settings("km_KH", true, "Asia/Bangkok"), app.settings())
            assertThrows<PhumException.Invalid> { app.setSettings(Settings("en", false, "Mars/Olympus")) }
            assertThrows<PhumException.Invalid> { app.setSettings(Settings("fr", false, "Asia/Phnom_Penh")) }
            assertEquals(Settings("km_KH", true, "Asia/Bangkok"), app.settings())
        }
    }

    @Test
    fun `the demo opens again from its folder with its key`() {
        App.openDemo(dir.path, keyHex(), settings()).use { it.resetDemo() }
        App.openDemo(dir.path, keyHex(), settings()).use { app ->
            assertTrue(app.account().demo)
            app.resetDemo()
        }
    }
}
