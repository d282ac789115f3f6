// What the screens' tests do with the core to get records to show: a child registered, a visit
// recorded, an account signed in to the test server and synced, and a visit the server refuses
// (the test server's partial-success fault rejects the first record of an upload with E1000).
// The demo dataset's UIDs are core/src/demo/dataset.rs's.
package org.phum.app.testing

import java.time.LocalDate
import java.time.ZoneId
import org.phum.app.presenter.Session
import org.phum.app.presenter.SyncState
import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.Record
import org.phum.testserver.Dhis2TestServer

object Demo {
    const val IMMUNIZATION = "DmPrImmuniz"
    const val HEALTH_CENTRE = "DmOuHcChnDi"
    const val WEEKS_6 = "DmStIm06Wks"
    const val NAME_KHMER = "DmAtNameKhm"
    const val NAME_LATIN = "DmAtNameLat"
    const val SEX = "DmAtSex0001"
    const val CAREGIVER = "DmAtCaregvr"
    const val VILLAGE = "DmAtVillage"
    const val PENTA_1 = "DmDePenta01"
    const val CHILD_WEIGHT = "DmDeChildWt"
    const val VHSG = "DmDsVhsgMon"

    fun today(): LocalDate = LocalDate.now(ZoneId.of("Asia/Phnom_Penh"))
}

object Records {
    /** A date always in the past, for renders that must not change from day to day. */
    val FIXED_ENROLLMENT: LocalDate = LocalDate.of(2026, 11, 2)

    /** A child born 50 days before [enrolled] (today), registered at the health centre; its enrollment. */
    fun registerChild(app: App, khmerName: String, latinName: String, enrolled: LocalDate = Demo.today()): Record.Enrollment =
        FormSession.newRegistration(app, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, enrolled.toString(), enrolled.minusDays(50).toString())
            .use { form ->
                try {
                    val village = form.view().fields.single { it.key == Demo.VILLAGE }.options.first().code
                    form.setValue(Demo.NAME_KHMER, khmerName)
                    form.setValue(Demo.NAME_LATIN, latinName)
                    form.setValue(Demo.SEX, "F")
                    form.setValue(Demo.CAREGIVER, "ចាន់ សុភា")
                    form.setValue(Demo.VILLAGE, village)
                    check(form.complete().completed) { "the registration was refused" }
                    form.record() as Record.Enrollment
                } finally {
                    form.end()
                }
            }

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
        val child = registerChild(app, "ម៉ៅ សុវណ្ណ", "Mao Sovann", enrolled)
        val sent = syncNow(session)
        check(sent is SyncState.Finished && sent.report.refused == 0uL) { "the child was not sent: $sent" }
        val visit = recordVisit(app, child, if (fixedDates) enrolled.plusDays(7) else Demo.today())
        server.inject("POST", "/api/tracker", "partial-success")
        val refused = syncNow(session)
        check(refused is SyncState.Finished && refused.report.refused == 1uL) { "the visit was not refused: $refused" }
        return visit
    }
}
