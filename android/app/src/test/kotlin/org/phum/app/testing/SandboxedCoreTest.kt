// The real core in two Robolectric sandboxes of one run: native and legacy graphics are two
// sandboxes (two class loaders), and both open the demo through JNA with a Kotlin logger set
// (Rust calling back into Kotlin). The core registers the callbacks' table once per process: with
// a copy of the bindings' classes in each sandbox (Robolectric's default), the second sandbox's
// logger is looked up in the first copy's handles ("UniffiHandleMap.get: Invalid handle") and
// never called, which fails this test. PhumTestRunner keeps the bindings and JNA in the ordinary
// class loader, shared by both sandboxes.
package org.phum.app.testing

import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotSame
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.junit.runner.RunWith
import org.phum.core.AccountInfo
import org.phum.core.App
import org.phum.core.LogLevel
import org.phum.core.Logger
import org.phum.core.Settings
import org.phum.core.setLogger
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@Config(sdk = [34])
class SandboxedCoreTest {
    @get:Rule
    val folder = TemporaryFolder()

    @Test
    @GraphicsMode(GraphicsMode.Mode.NATIVE)
    fun `the demo opens through JNA in the native graphics sandbox`() = openDemoHere()

    @Test
    @GraphicsMode(GraphicsMode.Mode.LEGACY)
    fun `the demo opens through JNA in the legacy graphics sandbox`() = openDemoHere()

    private fun openDemoHere() {
        // This test class is the sandbox's; the bindings and JNA are the ordinary class loader's.
        assertNotSame(javaClass.classLoader, App::class.java.classLoader)
        assertSame(App::class.java.classLoader, com.sun.jna.Native::class.java.classLoader)
        val records = CopyOnWriteArrayList<String>()
        setLogger(
            object : Logger {
                override fun log(level: LogLevel, target: String, message: String) {
                    records += message
                }
            },
            LogLevel.INFO,
        )
        val dir: File = folder.newFolder("demo")
        App.openDemo(dir.path, KEY, Settings(language = "en", khmerDigits = false, timeZone = "Asia/Phnom_Penh")).use { app ->
            assertEquals(AccountInfo(serverUrl = "", username = "", demo = true), app.account())
            assertTrue("the demo has org units", app.orgUnits().isNotEmpty())
        }
        assertTrue("the core's log reached this sandbox's logger: $records", records.any { it.startsWith("demo opened") })
    }

    private companion object {
        const val KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    }
}
