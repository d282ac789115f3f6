// The DHIS2 test server (target/debug/dhis2_test_server, built by cargo) as a process a test class
// starts: the demo dataset, user `trainee` with password `District1!`. Faults and counts go
// through its standard input (tests/src/dhis2_server/commands.rs); closing it stops the server.
// The same approach as the bindings' Kotlin tests (bindings/kotlin), written for JUnit 4 here.
package org.phum.app.testing

import java.io.BufferedReader
import java.io.File
import java.io.InputStreamReader
import java.io.Writer
import java.util.concurrent.TimeUnit

class TestServer : AutoCloseable {
    private val process: Process
    private val input: Writer
    private val output: BufferedReader

    /** `http://127.0.0.1:PORT`. */
    val url: String

    init {
        val repo = System.getProperty("phum.repo.dir") ?: error("phum.repo.dir is not set (run scripts/android-test)")
        val exe = File(repo, "target/debug/dhis2_test_server")
        check(exe.canExecute()) { "$exe is missing: cargo build -p phum-tests --bin dhis2_test_server" }
        process = ProcessBuilder(exe.path, "--stop-on-eof").redirectError(ProcessBuilder.Redirect.INHERIT).start()
        input = process.outputStream.writer(Charsets.UTF_8)
        output = BufferedReader(InputStreamReader(process.inputStream, Charsets.UTF_8))
        val first = output.readLine() ?: error("dhis2_test_server exited before printing its address")
        check(first.startsWith("URL ")) { first }
        url = first.removePrefix("URL ")
    }

    /** Sends one command line; its answer line. */
    @Synchronized
    fun command(line: String): String {
        input.write(line + "\n")
        input.flush()
        return output.readLine() ?: error("dhis2_test_server exited")
    }

    /** The next [times] requests of [method] to a path starting with [path] get [fault]. */
    fun inject(method: String, path: String, fault: String, times: Int = 1) {
        val answer = command("fault $method $path $fault $times")
        check(answer == "ok") { answer }
    }

    fun clearFaults() = check(command("clear") == "ok")

    override fun close() {
        input.close()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly()
    }

    companion object {
        const val USER = "trainee"
        const val PASSWORD = "District1!"
    }
}
