// An account from Kotlin: signing in online against the test server, then offline on the same
// device, the login button falling back to offline when the server cannot be reached, and
// signing out.
package org.phum.core

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.phum.testserver.Dhis2TestServer

class AccountTest : WithTestServer() {
    private fun open(folder: File) = App.openAccount(folder.path, server.url, Dhis2TestServer.USER, keyHex(), settings())

    @Test
    fun `an online sign-in is kept on the device for signing in offline`() {
        val folder = File(dir, "phone")
        open(folder).use { app ->
            assertEquals(AccountInfo(server.url, Dhis2TestServer.USER, false), app.account())
            assertFalse(app.hasSignedInBefore())
            val online = app.loginOnline(Dhis2TestServer.PASSWORD, false)
            assertTrue(online.online)
            assertEquals(Dhis2TestServer.USER, online.username)
            assertTrue(online.serverVersion!!.startsWith("2."), online.serverVersion)
            assertTrue(app.hasSignedInBefore())
        }
        open(folder).use { app ->
            val offline = app.loginOffline(Dhis2TestServer.PASSWORD)
            assertFalse(offline.online)
            assertTrue(offline.serverVersion!!.startsWith("2."))
            val wrong = assertThrows<PhumException.Login> { app.loginOffline("District2!") }
            assertEquals("sync-login-wrong-password", wrong.id)
        }
    }

    @Test
    fun `the login button signs in offline when the server cannot be reached`() {
        val folder = File(dir, "field")
        open(folder).use { it.loginOnline(Dhis2TestServer.PASSWORD, false) }
        open(folder).use { app ->
            server.inject("*", "*", "status 502", 20)
            val signedIn = app.login(Dhis2TestServer.PASSWORD)
            assertFalse(signedIn.online, "offline after the network failed")
            server.clearFaults()
            assertTrue(app.login(Dhis2TestServer.PASSWORD).online, "online again once the server answers")
            assertThrows<PhumException.Login> { app.login("wrong password") }
        }
    }

    @Test
    fun `signing out forgets the offline sign-in`() {
        val folder = File(dir, "shared-phone")
        open(folder).use { app ->
            app.loginOnline(Dhis2TestServer.PASSWORD, false)
            app.logout(false)
            assertFalse(app.hasSignedInBefore())
            assertThrows<PhumException.Login> { app.loginOffline(Dhis2TestServer.PASSWORD) }
        }
    }
}
