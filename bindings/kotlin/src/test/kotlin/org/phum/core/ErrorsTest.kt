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
}
