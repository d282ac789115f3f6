// What the screens' tests do with the core to get records to show (a child is registered with
// the shared org.phum.demo.Demo): a visit recorded, an account signed in to the test server and synced, and a visit the server refuses
// (the test server's partial-success fault rejects the first record of an upload with E1000).
// The demo dataset's UIDs are core/src/demo/dataset.rs's.
package org.phum.app.testing

import java.time.LocalDate
import org.phum.app.presenter.Session
import org.phum.app.presenter.SyncState
import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.Record
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer

object Records {
    /** A date always in the past, for renders that must not change from day to day. */
    val FIXED_ENROLLMENT: LocalDate = LocalDate.of(2026, 11, 2)

    /** The 6-week visit of [enrollment] on [date] with Penta 1 given and a weight of 4.5 kg; its UID. */
    fun recordVisit(app: App, enrollment: Record.Enrollment, date: LocalDate = Demo.today()): String =
        FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, date.toString())
            .use { form ->
                try {
                    form.setValue(Demo.PENTA_1, "true")
                    form.setValue(Demo.CHILD_WEIGHT, "4.5")
                    (form.record() as Record.Event).uid
                } finally {
                    form.end()
                }
            }

    /** [session] signed in to [server] and synced once (the server's metadata is on the phone). */
    fun signedIn(server: Dhis2TestServer, session: Session = testSession()): Session {
        session.signIn(server.url, Dhis2TestServer.USER, Dhis2TestServer.PASSWORD)
        syncNow(session)
        return session
    }

    /** Syncs [session] now (its Work runs at once in tests); the state the sync ended in. */
    fun syncNow(session: Session): SyncState {
        check(session.sync.start()) { "the sync did not start" }
        return session.sync.state
    }

    /**
     * On a signed-in [session]: a child registered and sent, then a visit the server refuses;
     * the visit's UID. With [fixedDates] the dates are always the same ones (screenshots).
     */
    fun refusedVisit(server: Dhis2TestServer, session: Session, fixedDates: Boolean = false): String {
        val app = session.app!!
        val enrolled = if (fixedDates) FIXED_ENROLLMENT else Demo.today()
        val child = Demo.registerChild(app, "ម៉ៅ សុវណ្ណ", "Mao Sovann", enrolled = enrolled)
        val sent = syncNow(session)
        check(sent is SyncState.Finished && sent.report.refused == 0uL) { "the child was not sent: $sent" }
        val visit = recordVisit(app, child, if (fixedDates) enrolled.plusDays(7) else Demo.today())
        server.inject("POST", "/api/tracker", "partial-success")
        val refused = syncNow(session)
        check(refused is SyncState.Finished && refused.report.refused == 1uL) { "the visit was not refused: $refused" }
        return visit
    }
}
