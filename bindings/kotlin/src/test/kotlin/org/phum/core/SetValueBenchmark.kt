// Benchmark (scripts/bench part 8, not part of scripts/test): one value change on the form of 150
// fields and 300 program rules, timed in Kotlin around the whole round trip: Kotlin -> UniFFI
// (JNA) -> core (check, rules, one transaction, the diff of the view) -> the FormUpdate record
// lifted back into Kotlin objects. Budget: median < 2 ms (issue 11).
//
// The account database comes from `bench_form --write-account DIR` (the same store
// `bench_form` times in Rust); scripts/bench passes its folder, key and event as system
// properties and runs this with the release library.
package org.phum.core

import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

@Tag("benchmark")
class SetValueBenchmark {
    private fun property(name: String): String =
        System.getProperty(name) ?: error("-D$name is not set: run this through scripts/bench")

    @Test
    fun set_value_round_trip_through_kotlin_uniffi_and_the_core() {
        val folder = property("phum.bench.account")
        val key = property("phum.bench.key")
        val event = property("phum.bench.event")
        val runs = (System.getProperty("phum.bench.runs") ?: "2000").toInt()
        val field = "BnchDE00000"
        val values = listOf("12", "37.5", "80", "3", "150.5", "64")

        val app = App.openAccount(folder, "https://bench.invalid", "bench", key, settings("en"))
        val form = FormSession.openEvent(app, event)
        val fields = form.view().fields.size
        val warmUp = maxOf(runs / 10, 10)
        val times = LongArray(runs)
        var changed = 0L
        for (n in 0 until warmUp + runs) {
            val start = System.nanoTime()
            val update = form.setValue(field, values[n % values.size])
            val took = System.nanoTime() - start
            changed += update.fields.size
            if (n >= warmUp) times[n - warmUp] = took
        }
        form.end()
        form.close()
        app.close()
        times.sort()
        fun ms(p: Double) = times[((times.size - 1) * p).toInt()] / 1e6
        val median = ms(0.5)
        val p95 = ms(0.95)
        println(
            "set_value through Kotlin/UniFFI, $fields fields / 300 rules, $runs runs after $warmUp warm-up: " +
                "median %.3f ms  p95 %.3f ms  max %.3f ms  budget median < 2 ms: %s".format(
                    median, p95, ms(1.0), if (median < 2.0) "within" else "OVER",
                ),
        )
        assertTrue(changed > 0, "every change returns what changed")
    }
}
