// Every PhumError variant reaches Kotlin as its PhumException subclass, with the message id, its
// arguments and the text in the user's language: English and Khmer differ, the Khmer has Khmer
// letters. Each is caused the way the app would meet it.
package org.phum.core

import java.io.File
import java.net.ServerSocket
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer

class ErrorsTest : WithTestServer() {
    private var folders = 0

    /** A new account folder on the test server, opened in `settings`. */
    private fun account(settings: Settings, url: String = server.url) =
        App.openAccount(File(dir, "account-${folders++}").path, url, Dhis2TestServer.USER, keyHex(), settings)

    @Test
    fun `a malformed database key is Invalid with the length it has`() {
        val (en, km) = failsInBothLanguages<PhumException.Invalid> { s ->
            App.openDemo(File(dir, "demo").path, "abc", s).close()
        }
        assertEquals("store-key-wrong-length", en.id)
        assertEquals(mapOf("length" to "3"), en.args)
        assertEquals(mapOf("length" to "3"), km.args)
    }

    @Test
    fun `an unknown language when opening is Invalid in English, the only language known then`() {
        val error = assertThrows<PhumException.Invalid> {
            App.openDemo(File(dir, "demo-fr").path, keyHex(), Settings("fr", false, "Asia/Phnom_Penh")).close()
        }
        assertEquals("bindings-unknown-language", error.id)
        assertEquals(mapOf("code" to "fr"), error.args)
        assertTrue(error.text.contains("“fr”") && !hasKhmerLetters(error.text), error.text)
    }

    @Test
    fun `an unknown language is Invalid and names the code, in the language the app had`() {
        val (en, km) = failsInBothLanguages<PhumException.Invalid> { s ->
            App.openDemo(File(dir, "demo-lang").path, keyHex(), s).use { it.setSettings(Settings("fr", false, s.timeZone)) }
        }
        assertEquals("bindings-unknown-language", en.id)
        assertEquals("fr", km.args["code"])
    }

    @Test
    fun `a database opened with another key is Storage`() {
        val folder = File(dir, "keyed").path
        App.openAccount(folder, server.url, Dhis2TestServer.USER, keyHex(1), settings()).close()
        val (en, _) = failsInBothLanguages<PhumException.Storage> { s ->
            App.openAccount(folder, server.url, Dhis2TestServer.USER, keyHex(2), s).close()
        }
        assertEquals("store-wrong-key-or-not-a-database", en.id)
    }

    @Test
    fun `a wrong password is Login`() {
        val (en, km) = failsInBothLanguages<PhumException.Login> { s ->
            account(s).use { it.loginOnline("not-the-password", false) }
        }
        assertEquals("sync-client-unauthorized", en.id)
        assertTrue(km.args.values.any { server.url in it }, "the server named: ${km.args}")
    }

    @Test
    fun `a server that is not listening is Network`() {
        val closed = ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()).use { it.localPort }
        val (en, _) = failsInBothLanguages<PhumException.Network> { s ->
            account(s, "http://127.0.0.1:$closed").use { it.loginOnline(Dhis2TestServer.PASSWORD, false) }
        }
        assertEquals("sync-client-connect", en.id)
    }

    @Test
    fun `a damaged answer from the server is Server`() {
        val (en, _) = failsInBothLanguages<PhumException.Server> { s ->
            server.inject("GET", "/api/me", "malformed-json")
            account(s).use { it.loginOnline(Dhis2TestServer.PASSWORD, false) }
        }
        assertTrue(en.id.startsWith("sync-"), en.id)
    }

    @Test
    fun `signing in to the demo is Refused`() {
        val (en, _) = failsInBothLanguages<PhumException.Refused> { s ->
            App.openDemo(File(dir, "demo-login").path, keyHex(), s).use { it.loginOnline("x", false) }
        }
        assertEquals("sync-demo-account", en.id)
    }

    @Test
    fun `an offline sign-in before any online one is Login`() {
        val (en, km) = failsInBothLanguages<PhumException.Login> { s ->
            account(s).use { it.loginOffline(Dhis2TestServer.PASSWORD) }
        }
        assertEquals("sync-login-never-signed-in", en.id)
        assertEquals(Dhis2TestServer.USER, km.args["username"])
    }

    @Test
    fun `an unknown record is NotFound`() {
        App.openDemo(File(dir, "demo-notfound").path, keyHex(), settings()).use { app ->
            val (en, km) = failsInBothLanguages<PhumException.NotFound> { s ->
                app.setSettings(s)
                app.dashboard("AbCdEfGhIj1")
            }
            assertTrue(en.text.contains("AbCdEfGhIj1") && km.text.contains("AbCdEfGhIj1"), en.text)
        }
    }

    @Test
    fun `a malformed UID is Invalid and names the argument`() {
        App.openDemo(File(dir, "demo-uid").path, keyHex(), settings()).use { app ->
            val (en, _) = failsInBothLanguages<PhumException.Invalid> { s ->
                app.setSettings(s)
                FormSession.openEvent(app, "not a uid").close()
            }
            assertEquals("bindings-bad-uid", en.id)
            assertEquals("not a uid", en.args["value"])
        }
    }

    @Test
    fun `a sync of the demo is Refused`() {
        App.openDemo(File(dir, "demo-sync").path, keyHex(), settings()).use { app ->
            val (en, _) = failsInBothLanguages<PhumException.Refused> { s ->
                app.setSettings(s)
                app.sync(CountingProgress())
            }
            assertEquals("sync-demo-account", en.id)
        }
    }

    @Test
    fun `signing out with unsent records is Refused with their count, and allowed when the user agrees`() {
        synced(server, File(dir, "unsent")).use { app ->
            Demo.registerChild(app, "សុខ ពិសី", "Sok Pisey")
            val (en, km) = failsInBothLanguages<PhumException.Refused> { s ->
                app.setSettings(s)
                app.logout(false)
            }
            assertEquals(en.args["count"], km.args["count"])
            assertTrue(en.args["count"]!!.toInt() >= 1, "${en.args}")
            app.logout(true)
            assertFalse(app.hasSignedInBefore())
            assertThrows<PhumException.Login> { app.sync(CountingProgress()) }
        }
    }

    @Test
    fun `a sync cancelled by the user is Cancelled`() {
        synced(server, File(dir, "cancel")).use { app ->
            val (en, _) = failsInBothLanguages<PhumException.Cancelled> { s ->
                app.setSettings(s)
                app.sync(CountingProgress { app.cancelSync() })
            }
            assertTrue(en.id.isNotBlank())
        }
    }

    @Test
    fun `a Kotlin progress callback that throws makes the core panic, which is Internal`() {
        var devices = 0
        val (en, km) = failsInBothLanguages<PhumException.Internal> { s ->
            synced(server, File(dir, "panic-${devices++}"), s).use { app ->
                app.sync(CountingProgress { throw IllegalStateException("a defect in the shell") })
            }
        }
        assertEquals("bindings-internal-error", en.id)
        assertTrue(!en.text.contains("defect") && !km.text.contains("defect"), "no internals shown: ${en.text}")
    }

    @Test
    fun `after a panic inside a sync the next sync of the same App works`() {
        synced(server, File(dir, "panic-again")).use { app ->
            assertThrows<PhumException.Internal> { app.sync(CountingProgress { throw IllegalStateException("defect") }) }
            assertEquals(0uL, app.sync(CountingProgress()).waiting)
        }
    }
}
