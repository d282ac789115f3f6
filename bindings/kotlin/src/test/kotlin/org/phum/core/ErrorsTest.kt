// Every PhumError variant reaches Kotlin as its PhumException subclass, with the message id, its
// arguments and the text in the user's language: English and Khmer differ, the Khmer has Khmer
// letters. Each is caused the way the app would meet it.
package org.phum.core

import java.io.File
import java.net.ServerSocket
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    @TempDir
    lateinit var dir: File

    private lateinit var server: Dhis2TestServer

    @BeforeAll
    fun startServer() {
        server = Dhis2TestServer()
    }

    @AfterAll
    fun stopServer() = server.close()

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
}
