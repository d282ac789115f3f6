// A JUnit 5 base class for the bindings' tests that talk to the DHIS2 test server.
package org.phum.core

import java.io.File
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir
import org.phum.testserver.Dhis2TestServer

/**
 * A test class with one DHIS2 test server for all its tests (started before the first, stopped
 * after the last; faults a test left are cleared after it) and a temporary folder for the
 * accounts' databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WithTestServer {
    @TempDir
    lateinit var dir: File

    lateinit var server: Dhis2TestServer

    @BeforeAll
    fun startServer() {
        server = Dhis2TestServer()
    }

    @AfterAll
    fun stopServer() = server.close()

    @AfterEach
    fun noFaultLeft() = server.clearFaults()
}
