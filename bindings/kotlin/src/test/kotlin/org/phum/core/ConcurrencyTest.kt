// Eight Kotlin threads calling one App at once, as the shell's background executor may: they
// register children, record visits, search, fill one shared village report and sync, all
// together. Nothing may crash, nothing may wait forever (every wait has a timeout), and every
// write must be there afterwards, on the device and after a sync on the server.
package org.phum.core

import java.io.File
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.phum.demo.Demo

class ConcurrencyTest : WithTestServer() {
    private val threads = 8
    private val childrenEach = 4

    /** What one thread did: its children's enrollments and their visit events. */
    private data class Done(val enrollments: List<Record.Enrollment>, val events: List<String>)

    @Test
    @Timeout(300)
    fun `eight threads capturing, searching and syncing on one account lose nothing and never deadlock`() {
        synced(server, File(dir, "device")).use { app ->
            val before = server.count("tracked-entities")
            val (village, period) = Demo.emptyVillageReport(app)
            val report = FormSession.openDataSet(app, Demo.VHSG, village, period, null)
            val cells = report.view().fields.filter { it.editable && it.valueType.startsWith("INTEGER") }.map { it.key }.take(threads)
            assertEquals(threads, cells.size)

            val pool = Executors.newFixedThreadPool(threads)
            val start = CountDownLatch(1)
            val futures = (0 until threads).map { t ->
                pool.submit<Done> {
                    start.await()
                    report.setValue(cells[t], "${t + 1}")
                    val enrollments = mutableListOf<Record.Enrollment>()
                    val events = mutableListOf<String>()
                    for (i in 0 until childrenEach) {
                        val name = "Thread${t}child$i"
                        val enrollment = Demo.registerChild(app, "កុមារ $t $i", name)
                        enrollments += enrollment
                        val visit = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
                        visit.setValue(Demo.CHILD_WEIGHT, "${t + 3}.$i")
                        visit.setValue(Demo.PENTA_1, "true")
                        events += (visit.record() as Record.Event).uid
                        visit.end()
                        visit.close()
                        val hits = app.searchPeople(Demo.IMMUNIZATION, name, null, 5u)
                        assertEquals(listOf(enrollment.trackedEntity), hits.map { it.person.trackedEntity }, name)
                        if (t == 0 && i == 1) app.sync(CountingProgress())
                    }
                    Done(enrollments, events)
                }
            }
            start.countDown()
            val done = futures.map { it.get(240, TimeUnit.SECONDS) }
            pool.shutdown()
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS))
            report.end()
            report.close()

            val all = done.flatMap { it.enrollments }
            assertEquals(threads * childrenEach, all.map { it.trackedEntity }.toSet().size)
            for ((t, d) in done.withIndex()) {
                for ((i, event) in d.events.withIndex()) {
                    FormSession.openEvent(app, event).use { visit ->
                        assertEquals("${t + 3}.$i", visit.view().field(Demo.CHILD_WEIGHT).value, "thread $t child $i")
                    }
                }
            }
            FormSession.openDataSet(app, Demo.VHSG, village, period, null).use { again ->
                val view = again.view()
                assertEquals((1..threads).map { "$it" }, cells.map { view.field(it).value })
            }

            val last = app.sync(CountingProgress())
            assertEquals(0uL, last.waiting)
            assertEquals(0uL, last.refused)
            assertEquals(before + threads * childrenEach, server.count("tracked-entities"))
        }
    }
}
