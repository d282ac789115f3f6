// The sync from Kotlin against the DHIS2 test server (a process of its own): progress through a
// Kotlin callback, cancelling from it, faults injected on the server that the same or the next
// sync recovers from without storing anything twice, and the sync's log in a Kotlin logger.
package org.phum.core

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.phum.demo.Demo

@Timeout(120)
class SyncTest : WithTestServer() {
    private var devices = 0

    private fun device() = File(dir, "device-${devices++}")

    @Test
    fun `a first sync brings the server's metadata and reports progress through the Kotlin callback`() {
        signedIn(server, device()).use { app ->
            assertEquals(null, app.syncStatus().lastSync)
            val progress = CountingProgress()
            val report = app.sync(progress)
            assertTrue(report.metadataUpdated)
            assertTrue(progress.calls.get() >= 3, "callbacks: ${progress.calls.get()}")
            assertEquals(setOf(SyncPhase.METADATA, SyncPhase.UPLOAD, SyncPhase.DOWNLOAD), progress.phases)
            assertTrue(progress.phaseNames.all { it.isNotBlank() })
            val status = app.syncStatus()
            assertNotNull(status.lastSync)
            assertEquals(0uL, status.waiting)
            assertFalse(status.demo)
            assertTrue(app.orgUnits().any { it.uid == Demo.HEALTH_CENTRE }, "the user's org units arrived")

            val again = app.sync(CountingProgress())
            assertFalse(again.metadataUpdated, "unchanged metadata is not imported again")
        }
    }

    @Test
    fun `a child registered on the phone reaches the server once`() {
        synced(server, device()).use { app ->
            val before = server.count("tracked-entities")
            val child = Demo.registerChild(app, "សុខា វិបុល", "Sokha Vibol")
            assertTrue(app.syncStatus().waiting > 0uL)
            val report = app.sync(CountingProgress())
            assertTrue(report.sent >= 1uL, "$report")
            assertEquals(0uL, report.refused)
            assertEquals(before + 1, server.count("tracked-entities"))
            assertEquals(0uL, app.syncStatus().waiting)
            assertTrue(app.searchPeople(Demo.IMMUNIZATION, "Vibol", null, 5u).any { it.person.trackedEntity == child.trackedEntity })
        }
    }

    @Test
    fun `a sync cancelled from its progress callback fails with Cancelled and the next sync finishes`() {
        synced(server, device()).use { app ->
            val before = server.count("tracked-entities")
            Demo.registerChild(app, "ចាន់ ដាវីត", "Chan Davit")
            val cancelling = CountingProgress { if (it == 1) app.cancelSync() }
            assertThrows<PhumException.Cancelled> { app.sync(cancelling) }
            assertEquals(1, cancelling.calls.get(), "no progress after the cancel")
            assertTrue(app.syncStatus().waiting > 0uL, "nothing was sent")
            assertEquals(before, server.count("tracked-entities"))

            val report = app.sync(CountingProgress())
            assertEquals(0uL, report.waiting)
            assertEquals(before + 1, server.count("tracked-entities"))
        }
    }

    @Test
    fun `an answer lost after the server stored the upload is retried and nothing is stored twice`() {
        synced(server, device()).use { app ->
            val before = server.count("tracked-entities")
            val requests = server.count("requests")
            Demo.registerChild(app, "លី ម៉េងហុង", "Ly Menghong")
            server.inject("POST", "/api/tracker", "drop-after-commit")
            val report = app.sync(CountingProgress())
            assertEquals(0, server.count("faults"), "the upload met the fault")
            assertEquals(0uL, report.waiting)
            assertEquals(before + 1, server.count("tracked-entities"))
            assertTrue(server.count("requests") > requests)
        }
    }

    @Test
    fun `a damaged answer to the upload fails the sync, and the next sync sends again without duplicates`() {
        synced(server, device()).use { app ->
            val before = server.count("tracked-entities")
            Demo.registerChild(app, "ហេង សុជាតា", "Heng Socheata")
            server.inject("POST", "/api/tracker", "malformed-json")
            val failed = assertThrows<PhumException.Server> { app.sync(CountingProgress()) }
            assertTrue(failed.text.isNotBlank())
            assertEquals(0, server.count("faults"))
            assertTrue(app.syncStatus().waiting > 0uL, "the device does not know the upload was stored")

            val report = app.sync(CountingProgress())
            assertEquals(0uL, report.waiting)
            assertEquals(0uL, app.syncStatus().waiting)
            assertEquals(before + 1, server.count("tracked-entities"))
        }
    }

    @Test
    fun `a record the server refuses is reported with the server's reason in the user's language`() {
        synced(server, device()).use { app ->
            val child = Demo.registerChild(app, "ម៉ៅ សុវណ្ណ", "Mao Sovann")
            server.inject("POST", "/api/tracker", "partial-success")
            val report = app.sync(CountingProgress())
            assertTrue(report.refused >= 1uL, "$report")
            val english = app.syncStatus()
            assertEquals(report.refused, english.refused)
            val issue = english.issues.first { it.code == "E1000" }
            assertEquals("ERROR", issue.severity)
            assertEquals(child.trackedEntity, issue.recordKey)
            assertTrue(issue.text.text.isNotBlank() && !hasKhmerLetters(issue.text.text), issue.text.text)

            app.setSettings(settings("km"))
            val khmer = app.syncStatus().issues.single { it.code == "E1000" && it.recordKey == issue.recordKey }
            assertEquals(issue.text.id, khmer.text.id)
            assertTrue(hasKhmerLetters(khmer.text.text), khmer.text.text)
        }
    }

    @Test
    fun `the sync's log reaches a Kotlin logger`() {
        val logger = CollectingLogger()
        setLogger(logger, LogLevel.INFO)
        signedIn(server, device()).use { app -> app.sync(CountingProgress()) }
        val lines = logger.records.toList()
        assertTrue(lines.any { it.startsWith("INFO ") && it.contains("sync started") }, "$lines")
        assertTrue(lines.any { it.contains("sync done") }, "$lines")
        assertTrue(lines.none { it.startsWith("DEBUG ") || it.startsWith("TRACE ") }, "INFO and above only")
    }
}
