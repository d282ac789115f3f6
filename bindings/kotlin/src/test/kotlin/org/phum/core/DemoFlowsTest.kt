// The trainer's demo driven from Kotlin as the Android shell drives it: register a child with a
// Khmer name, record vaccines and see the program rules act, complete, find the child again,
// the overdue list, the monthly village report with its validation, the language switched in the
// middle of a form, and the reset.
package org.phum.core

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import org.phum.demo.Demo

class DemoFlowsTest {
    @TempDir
    lateinit var dir: File

    private fun demo(language: String = "en", khmerDigits: Boolean = false) =
        App.openDemo(dir.path, keyHex(), settings(language, khmerDigits))

    @Test
    fun `a child registered with a Khmer name gets its date of birth from the rules and is found by name`() {
        demo().use { app ->
            val born = Demo.today().minusDays(50).toString()
            val form = FormSession.newRegistration(app, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, Demo.today().toString(), born)
            val view = form.view()
            assertEquals(FormType.REGISTRATION, view.formType)
            assertTrue(view.demo)
            assertEquals(born, view.field(Demo.DATE_OF_BIRTH).value, "rule ImDobIn assigns the incident date")
            form.setValue(Demo.NAME_KHMER, "សុខ ស្រីនាង")
            val refused = form.complete()
            assertFalse(refused.completed)
            assertTrue(refused.refusals.any { it.field == Demo.SEX }, "sex is mandatory: ${refused.refusals}")
            form.end()

            val enrollment = Demo.registerChild(app, "ស្រីនាង ចន្ទា", "Sreyneang Chanthea")
            val hits = app.searchPeople(Demo.IMMUNIZATION, "ស្រីនាង", null, 20u)
            val hit = hits.single { it.person.trackedEntity == enrollment.trackedEntity }
            assertEquals(Demo.NAME_KHMER, hit.matchedAttribute)
            assertTrue(hit.person.enrollments.any { it.uid == enrollment.uid && it.status == "ACTIVE" })
        }
    }

    @Test
    fun `a phone typed in Khmer digits finds the child`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "ពៅ រតនា", "Pov Rathana", phone = "០៩៧៤៤៤៣២១៨")
            for (typed in listOf("០៩៧៤៤៤៣២១៨", "0974443218", "+855 97 444 3218", "០៩៧៤៤")) {
                val hits = app.searchPeople(Demo.IMMUNIZATION, typed, null, 20u)
                val hit = hits.singleOrNull { it.person.trackedEntity == enrollment.trackedEntity }
                assertEquals(Demo.PHONE, hit?.matchedAttribute, "searched $typed: $hits")
                assertEquals("0974443218", hit?.matchedValue, "stored in ASCII digits")
            }
            assertTrue(app.searchPeople(Demo.IMMUNIZATION, "០៩៧៤៤៤៩៩៩៩", null, 20u).none {
                it.person.trackedEntity == enrollment.trackedEntity
            })
        }
    }

    @Test
    fun `vaccines recorded at a visit run the rules, and completing waits for the errors to be fixed`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "ដារ៉ា ម៉ាលី", "Dara Maly", ageDays = 50)
            val form = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            val view = form.view()
            assertEquals(FormType.EVENT, view.formType)
            val age = view.messages.single { it.kind == FormMessageKind.TEXT }
            assertTrue(age.text.text.contains("weeks") && age.text.text.contains("7"), age.text.text)

            val penta = form.setValue(Demo.PENTA_1, "true")
            assertEquals(listOf<Text>(), penta.field(Demo.PENTA_1)?.errors ?: listOf<Text>(), "50 days old is old enough")
            val fever = form.setValue(Demo.FEVER, "true").field(Demo.FEVER)!!
            assertTrue(fever.warnings.single().text.startsWith("Wait: vaccinate when the child is well"), "${fever.warnings}")
            val heavy = form.setValue(Demo.CHILD_WEIGHT, "80").field(Demo.CHILD_WEIGHT)!!
            assertTrue(heavy.errors.single().text.contains("0.5 and 60 kg"), "${heavy.errors}")

            val refused = form.complete()
            assertFalse(refused.completed)
            assertEquals(listOf(Demo.CHILD_WEIGHT), refused.refusals.mapNotNull { it.field })
            assertFalse(form.view().completed)

            val fixed = form.setValue(Demo.CHILD_WEIGHT, "4.5")
            assertEquals(listOf<Text>(), fixed.field(Demo.CHILD_WEIGHT)!!.errors)
            val done = form.complete()
            assertTrue(done.completed, "${done.refusals}")
            assertTrue(form.view().completed)
            form.end()
            assertThrows<PhumException.Refused> { form.view() }
            form.close()

            val board = app.dashboard(enrollment.uid)
            val visit = board.stages.single { it.stage == Demo.WEEKS_6 }.visits.single()
            assertEquals(VisitState.COMPLETED, visit.state)
            assertTrue(board.stages.any { it.stage == Demo.WEEKS_10 }, "the next contact is on the dashboard")
        }
    }

    @Test
    fun `a birth dose given late warns with the days since birth`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "វណ្ណា សុភ័ក្ត្រ", "Vanna Sopheak", ageDays = 3)
            val form = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.BIRTH, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            val warning = form.setValue(Demo.HEPB_BIRTH, "true").field(Demo.HEPB_BIRTH)!!.warnings.single()
            assertTrue(warning.text.contains("within 24 hours") && warning.text.contains("3"), warning.text)
            form.setValue(Demo.HEPB_BIRTH, null).field(Demo.HEPB_BIRTH)!!.let { assertEquals(listOf<Text>(), it.warnings) }
            form.end()
            form.close()
        }
    }

    @Test
    fun `the overdue list comes a page at a time, most overdue first, in the user's language`() {
        demo("km", khmerDigits = true).use { app ->
            val first = app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 10u)
            assertTrue(first.demo)
            assertTrue(first.total > 10uL, "the practice data has overdue children: ${first.total}")
            assertEquals(10, first.rows.size)
            assertTrue(first.rows.all { it.daysOverdue > 0 && it.dueDate < Demo.today().toString() })
            assertEquals(first.rows.map { it.daysOverdue }.sortedDescending(), first.rows.map { it.daysOverdue })
            assertTrue(first.rows.all { hasKhmerLetters(it.due.text) && it.due.text.none { c -> c in '0'..'9' } }, first.rows[0].due.text)
            val second = app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 10uL, 10u)
            assertEquals(10uL, second.offset)
            assertTrue(first.rows.map { it.event }.intersect(second.rows.map { it.event }.toSet()).isEmpty())
            assertTrue(second.rows.first().daysOverdue <= first.rows.last().daysOverdue)
        }
    }

    @Test
    fun `the monthly village report is refused while a validation rule fails, then completes`() {
        demo().use { app ->
            val (village, period) = Demo.emptyVillageReport(app)
            val form = FormSession.openDataSet(app, Demo.VHSG, village, period, null)
            assertEquals(FormType.DATA_SET, form.view().formType)
            form.setValue("${Demo.CHILDREN_UNDER_2}.${Demo.MALE}", "3")
            form.setValue("${Demo.CHILDREN_VACCINATED}.${Demo.MALE}", "៥")
            assertEquals("5", form.view().field("${Demo.CHILDREN_VACCINATED}.${Demo.MALE}").value)
            val refused = form.complete()
            assertFalse(refused.completed)
            val boys = refused.refusals.single()
            assertTrue(boys.text.text.contains("Boys under 2 vaccinated this month"), boys.text.text)
            assertEquals("DmVrVacBoys", boys.text.args["rule"])

            form.setValue("${Demo.CHILDREN_UNDER_2}.${Demo.MALE}", "8")
            val done = form.complete()
            assertTrue(done.completed, "${done.refusals}")
            form.end()
            form.close()
            FormSession.openDataSet(app, Demo.VHSG, village, period, null).use { again ->
                assertTrue(again.view().completed)
                assertEquals("8", again.view().field("${Demo.CHILDREN_UNDER_2}.${Demo.MALE}").value)
            }
        }
    }

    @Test
    fun `the language switched in the middle of a form changes every text and keeps every value`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "គឹម សុភា", "Kim Sophea")
            val form = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            form.setValue(Demo.FEVER, "true")
            form.setValue(Demo.CHILD_WEIGHT, "45")
            val english = form.view()
            assertEquals("en", english.language)

            app.setSettings(settings("km", khmerDigits = true))
            assertEquals("en", form.view().language, "an open form keeps its language until told")
            val khmer = form.setLanguage("km", true)
            assertEquals("km", khmer.language)
            assertTrue(hasKhmerLetters(khmer.title), khmer.title)
            assertTrue(hasKhmerLetters(khmer.field(Demo.FEVER).label))
            assertTrue(hasKhmerLetters(khmer.field(Demo.FEVER).warnings.single().text))
            assertEquals(english.field(Demo.CHILD_WEIGHT).value, khmer.field(Demo.CHILD_WEIGHT).value)
            assertEquals("៤៥", khmer.field(Demo.CHILD_WEIGHT).shown)
            assertEquals(english.fields.map { it.key }, khmer.fields.map { it.key })

            val typed = form.setValue(Demo.CHILD_WEIGHT, "៨០").field(Demo.CHILD_WEIGHT)!!
            assertEquals("80", typed.value)
            assertTrue(hasKhmerLetters(typed.errors.single().text), "the rule's error in Khmer: ${typed.errors}")

            val back = form.setLanguage("en", false)
            assertEquals(english.field(Demo.FEVER).label, back.field(Demo.FEVER).label)
            assertNotEquals(khmer.title, back.title)
            assertEquals("80", back.field(Demo.CHILD_WEIGHT).shown)
            form.end()
            form.close()
        }
    }

    @Test
    fun `resetting the demo removes what the trainee did and keeps the practice data`() {
        demo().use { app ->
            val overdue = app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 1u).total
            val enrollment = Demo.registerChild(app, "ធីតា ហ្សូហ្វីរ៉ា", "Thida Zophira")
            assertEquals(1, app.searchPeople(Demo.IMMUNIZATION, "Zophira", null, 5u).size)

            app.resetDemo()

            assertEquals(listOf<PersonHit>(), app.searchPeople(Demo.IMMUNIZATION, "Zophira", null, 5u))
            assertThrows<PhumException.NotFound> { app.dashboard(enrollment.uid) }
            assertEquals(overdue, app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 1u).total)
            assertNull(app.searchPeople(Demo.IMMUNIZATION, "ហ្សូហ្វីរ៉ា", null, 5u).firstOrNull())
        }
    }

    @Test
    fun `from the dashboard a visit is deleted and the enrollment completed, which makes its visits read-only, then re-opened`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "ស៊ីណា ម៉ូរី", "Sina Mory")
            val form = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            form.setValue(Demo.PENTA_1, "true")
            val event = (form.record() as Record.Event).uid
            form.end()
            form.close()
            fun visits() = app.dashboard(enrollment.uid).stages.single { it.stage == Demo.WEEKS_6 }.visits.map { it.event }
            assertEquals(listOf(event), visits())

            app.deleteEvent(event)
            assertEquals(listOf<String>(), visits())
            assertThrows<PhumException.NotFound> { FormSession.openEvent(app, event) }

            assertEquals("COMPLETED", app.completeEnrollment(enrollment.uid))
            assertEquals("COMPLETED", app.dashboard(enrollment.uid).enrollment.status)
            assertThrows<PhumException.Refused> {
                FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            }
            assertEquals("ACTIVE", app.reopenEnrollment(enrollment.uid))
            assertEquals("CANCELLED", app.cancelEnrollment(enrollment.uid))
            assertEquals("ACTIVE", app.reopenEnrollment(enrollment.uid))
        }
    }

    @Test
    fun `a registered child's contacts are scheduled, and the overdue one leaves the list once recorded`() {
        demo().use { app ->
            val enrollment = Demo.registerChild(app, "រ៉ូហ្សា ឡាំង", "Rosa Laing", ageDays = 45)
            fun overdue() = app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 500u).rows.filter { it.enrollment == enrollment.uid }
            val upcoming = app.upcoming(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 60u, 0uL, 500u).rows.filter { it.enrollment == enrollment.uid }
            assertEquals(listOf(Demo.WEEKS_10, Demo.WEEKS_14), upcoming.map { it.stage })
            assertTrue(upcoming.all { it.daysOverdue <= 0 && it.dueDate >= Demo.today().toString() })
            val late = overdue()
            assertEquals(listOf(Demo.BIRTH to 45L, Demo.WEEKS_6 to 3L), late.map { it.stage to it.daysOverdue }, "born 45 days ago; 6 weeks is 42 days")

            val form = FormSession.newEvent(app, Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, enrollment.uid, Demo.today().toString())
            form.setValue(Demo.PENTA_1, "true")
            assertTrue(form.complete().completed)
            form.end()
            form.close()
            assertEquals(listOf(Demo.BIRTH), overdue().map { it.stage })
        }
    }
}
