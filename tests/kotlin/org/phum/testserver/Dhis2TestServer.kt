// The DHIS2 test server (target/debug/dhis2_test_server) as a process the tests start: the demo
// dataset, user `trainee` with password `District1!`. Faults and counts go through its standard
// input (tests/src/dhis2_server/commands.rs); closing it stops the server. Shared by the Kotlin
// test suites (bindings/kotlin and the Android app's), which add this folder to their test sources.
package org.phum.testserver

import java.io.BufferedReader
import java.io.File
import java.io.InputStreamReader
import java.io.Writer
import java.util.concurrent.TimeUnit

class Dhis2TestServer : AutoCloseable {
    private val process: Process
    private val input: Writer
    private val output: BufferedReader

    /** `http://127.0.0.1:PORT`. */
    val url: String

    init {
        val target = System.getProperty("phum.target") ?: error("phum.target is not set (run through Maven)")
        val exe = File(target, "debug/dhis2_test_server")
        check(exe.canExecute()) { "$exe is missing: cargo build -p phum-tests --bin dhis2_test_server" }
        process = ProcessBuilder(exe.path, "--stop-on-eof")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        input = process.outputStream.writer(Charsets.UTF_8)
        output = BufferedReader(InputStreamReader(process.inputStream, Charsets.UTF_8))
        val first = output.readLine() ?: error("dhis2_test_server exited before printing its address")
        url = first.removePrefix("URL ").also { check(first.startsWith("URL ")) { first } }
    }

    /** Sends one command line; its answer line. */
    @Synchronized
    fun command(line: String): String {
        input.write(line + "\n")
        input.flush()
        return output.readLine() ?: error("dhis2_test_server exited")
    }

    /** The next `times` requests of `method` to a path starting with `path` get `fault`. */
    fun inject(method: String, path: String, fault: String, times: Int = 1) {
        val answer = command("fault $method $path $fault $times")
        check(answer == "ok") { answer }
    }

    fun clearFaults() = check(command("clear") == "ok")

    /**
     * How many of `what` (`tracked-entities`, `events`, `requests`, ...) the server holds, or
     * (`faults`) how many injected faults are still to come.
     */
    fun count(what: String): Int {
        val answer = command("count $what")
        return answer.removePrefix("count $what ").toIntOrNull() ?: error(answer)
    }

    override fun close() {
        input.close()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly()
    }

    companion object {
        const val USER = "trainee"
        const val PASSWORD = "District1!"
    }
}
