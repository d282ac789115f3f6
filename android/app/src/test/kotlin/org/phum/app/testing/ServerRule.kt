// One DHIS2 test server (tests/kotlin: target/debug/dhis2_test_server as a process) for a test
// class, started before its first test and stopped after its last:
//     companion object { @ClassRule @JvmField val running = ServerRule() }
package org.phum.app.testing

import org.junit.rules.ExternalResource
import org.phum.testserver.Dhis2TestServer

class ServerRule : ExternalResource() {
    lateinit var server: Dhis2TestServer
        private set

    override fun before() {
        server = Dhis2TestServer()
    }

    override fun after() = server.close()
}
