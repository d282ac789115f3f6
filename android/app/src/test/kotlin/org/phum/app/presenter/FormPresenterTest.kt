// The form screen's presenter on the plain JVM against the real demo core: a child's 6-week visit
// filled and completed, the NCD rules answering typed blood pressures, a refused value kept with
// the core's reason, completing refused with every reason, a registration's possible duplicate
// before saving and the new enrollment's dashboard after, the record reopened (not made again)
// by a rebuilt screen, values typed before leaving saved in order, and forms that cannot open.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.Forms
import org.phum.app.testing.Ncd
import org.phum.app.testing.QueuedWork
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.Records
import org.phum.app.testing.testSession
import org.phum.core.FormSession
import org.phum.core.Record
import org.phum.demo.Demo

class FormPresenterTest {
    private val session = testSession().apply { openDemo() }
    private val app get() = session.app!!

    private fun open(target: FormTarget?, reopen: FormTarget? = null): Pair<FormPresenter, RecordingNavigator> {
        val presenter = FormPresenter(session, target, reopen)
        val navigator = RecordingNavigator()
        presenter.attach(navigator) {}
        return presenter to navigator
    }

    /** The stored value of [key] in the event [uid], read by a form of its own. */
    private fun stored(uid: String, key: String): String? =
        FormSession.openEvent(app, uid).use { form -> form.view().fields.single { it.key == key }.value.also { form.end() } }

    @Test
    fun `a six week visit is filled and completed, and the screen closes`() {
        val (form, navigator) = open(Forms.sixWeekVisit(app))
        val state = form.state
        assertNull(state.error)
        assertTrue(state.title, state.title.contains("6 weeks"))
        assertEquals("the event date comes first, then the three sections", listOf(null, "DmSsW06Befr", "DmSsW06Vacc", "DmSsW06Grow"), state.groups.map { it.section })
        assertEquals(Input.BOOLEAN, FieldInput.of(state.field(Demo.PENTA_1)!!))
        assertEquals(Input.NUMBER, FieldInput.of(state.field(Demo.CHILD_WEIGHT)!!))
        assertEquals("Complete", state.completeLabel)

        for (dose in listOf(Demo.PENTA_1, Forms.OPV_1, Forms.PCV_1)) form.choose(dose, "true")
        form.type(Demo.CHILD_WEIGHT, "4.8")
        assertEquals("true", form.state.field(Demo.PENTA_1)!!.value)
        assertEquals("4.8", form.state.typed[Demo.CHILD_WEIGHT])
        assertTrue(form.state.refused.isEmpty())

        form.complete()
        assertTrue(form.state.done)
        assertTrue(form.state.refusals.isEmpty())
        assertEquals("back to the dashboard", 1, navigator.closed)
        assertTrue(navigator.went.isEmpty())
        val visit = (form.reopen as FormTarget.Event).event
        assertEquals("4.8", stored(visit, Demo.CHILD_WEIGHT))
    }

    @Test
    fun `a very high blood pressure assigns the result, warns and makes the referral mandatory as it is typed`() {
        val (form, _) = open(Forms.ncdFollowUp(app))
        assertTrue("the next visit's text from the start: ${form.state.notices}", form.state.notices.any { it.text.startsWith("Next follow-up visit") && it.tone == FormPresenter.Tone.INFO })
        assertFalse(form.state.field(Ncd.REFERRAL)!!.mandatory)

        form.type(Ncd.SYSTOLIC, "1")
        form.type(Ncd.SYSTOLIC, "18")
        form.type(Ncd.SYSTOLIC, "185")
        form.type(Ncd.DIASTOLIC, "115")
        val state = form.state
        val result = state.field(Ncd.BP_RESULT)!!
        assertEquals("VERY_HIGH", result.value)
        assertFalse("assigned by a rule", state.editable(result))
        assertTrue(state.field(Ncd.REFERRAL)!!.mandatory)
        assertTrue("no referral is hidden", state.field(Ncd.REFERRAL)!!.options.none { it.code == "NONE" })
        assertTrue(state.field(Ncd.SYSTOLIC)!!.warnings.single().text.startsWith("Very high blood pressure"))
        assertEquals("the typed text stays", "185", state.typed[Ncd.SYSTOLIC])

        form.type(Ncd.SYSTOLIC, "300")
        assertEquals(listOf("Check the reading: the upper number is expected between 60 and 260 mmHg."), form.state.field(Ncd.SYSTOLIC)!!.errors.map { it.text })
        assertFalse(form.state.form!!.canComplete)
    }

    @Test
    fun `a value the field does not take keeps what was typed, with the core's reason at the field`() {
        val (form, _) = open(Forms.ncdFollowUp(app))
        form.type(Ncd.SYSTOLIC, "145")
        form.type(Ncd.SYSTOLIC, "145,5")
        val state = form.state
        assertEquals("145,5", state.typed[Ncd.SYSTOLIC])
        assertNotNull(state.refused[Ncd.SYSTOLIC])
        assertEquals("the last accepted value stays stored", "145", state.field(Ncd.SYSTOLIC)!!.value)

        form.type(Ncd.SYSTOLIC, "146")
        assertNull(form.state.refused[Ncd.SYSTOLIC])
        assertEquals("146", form.state.field(Ncd.SYSTOLIC)!!.value)
    }

    @Test
    fun `completing an empty visit lists every reason, and a reason goes when its field is filled`() {
        val (form, navigator) = open(Forms.ncdFollowUp(app))
        form.complete()
        val refusals = form.state.refusals
        assertFalse(form.state.done)
        assertEquals(0, navigator.closed)
        assertEquals("both blood pressures are compulsory: $refusals", setOf(Ncd.SYSTOLIC, Ncd.DIASTOLIC), refusals.mapNotNull { it.field }.toSet())
        assertTrue(form.state.refusalsTitle, form.state.refusalsTitle.startsWith("${refusals.size} error"))

        form.type(Ncd.SYSTOLIC, "130")
        assertEquals(listOf(Ncd.DIASTOLIC), form.state.refusals.map { it.field })
        form.type(Ncd.DIASTOLIC, "80")
        form.complete()
        assertTrue(form.state.done)
        assertEquals(1, navigator.closed)
    }

    @Test
    fun `a registration shows a possible duplicate before saving and then opens the new enrollment`() {
        val born = Demo.today().minusDays(50).toString()
        val first = Demo.registerChild(app, "ចាន់ ធីតា", "Chan Thida")
        val (form, navigator) = open(Forms.newChild())
        assertEquals("Register", form.state.completeLabel)
        assertEquals(Input.DATE, FieldInput.of(form.state.field(Forms.INCIDENT_DATE)!!))
        assertEquals(Input.LIST, FieldInput.of(form.state.field(Demo.VILLAGE)!!))
        assertEquals(Input.CHOICE, FieldInput.of(form.state.field(Demo.SEX)!!))

        form.type(Demo.NAME_KHMER, "ចាន់ ធីតា")
        form.type(Forms.INCIDENT_DATE, born)
        val duplicate = form.state.duplicates.single()
        assertTrue("the other child by name: $duplicate", duplicate.person!!.contains("ចាន់ ធីតា"))
        assertEquals(first.uid, duplicate.enrollment)
        assertTrue(duplicate.reasons!!.contains("same name and birth date"))
        assertEquals("None of them: register", form.state.completeLabel)
        assertTrue(form.state.duplicatesTitle.startsWith("1 person"))

        form.open(duplicate)
        assertEquals(listOf<Destination>(Destination.Dashboard(first.uid)), navigator.went)
        navigator.went.clear()

        form.type(Demo.NAME_LATIN, "Chan Thida")
        form.choose(Demo.SEX, "F")
        form.type(Demo.CAREGIVER, "ចាន់ សុភា")
        form.choose(Demo.VILLAGE, form.state.field(Demo.VILLAGE)!!.options.first().code)
        form.complete()
        assertTrue("registered: ${form.state.refusals}", form.state.done)
        val made = (form.reopen as FormTarget.Registration).enrollment
        assertEquals(listOf<Destination>(Destination.Dashboard(made)), navigator.went)
        assertEquals(1, navigator.closed)
    }

    @Test
    fun `a person already on the phone is enrolled in another program with their details, then their new dashboard opens`() {
        val mother = org.phum.app.testing.People.registerAdult(app, "ជា សុខុម")
        val (form, navigator) = open(FormTarget.NewEnrollment(mother.trackedEntity, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today()))
        assertTrue(form.state.title, form.state.title.startsWith("Register a person in"))
        assertEquals("the person's name is already there", "ជា សុខុម", form.state.field(Demo.NAME_KHMER)!!.value)
        form.type(Demo.NAME_LATIN, "Chea Sokhom")
        form.choose(Demo.SEX, "F")
        form.type(Demo.CAREGIVER, "ជា សុខា")
        form.choose(Demo.VILLAGE, form.state.field(Demo.VILLAGE)!!.options.first().code)
        form.complete()
        assertTrue("enrolled: ${form.state.refusals}", form.state.done)
        val enrollment = (navigator.went.single() as Destination.Dashboard).enrollment
        val person = app.person(mother.trackedEntity)
        assertEquals("one person, now in both programs", setOf(mother.uid, enrollment), person.enrollments.map { it.uid }.toSet())
    }

    @Test
    fun `a rebuilt screen opens the visit it made instead of making another`() {
        val target = Forms.ncdFollowUp(app)
        val (first, _) = open(target)
        first.type(Ncd.SYSTOLIC, "150")
        val made = first.reopen as FormTarget.Event
        first.leave()

        val (again, _) = open(target, reopen = made)
        assertEquals(Record.Event(made.event), again.state.form!!.record)
        assertEquals("150", again.state.field(Ncd.SYSTOLIC)!!.value)
    }

    @Test
    fun `values typed before leaving are saved in order, the last one kept`() {
        val work = QueuedWork()
        val slow = testSession(work = work).apply { openDemo() }
        val target = Forms.ncdFollowUp(slow.app!!)
        val form = FormPresenter(slow, target)
        form.attach(RecordingNavigator()) {}
        work.runAll()
        for (typed in listOf("1", "14", "142")) form.type(Ncd.SYSTOLIC, typed)
        form.type(Ncd.DIASTOLIC, "91")
        form.leave()
        work.runAll()
        val visit = (form.reopen as FormTarget.Event).event
        assertEquals("142", FormSession.openEvent(slow.app!!, visit).use { it.view().fields.single { f -> f.key == Ncd.SYSTOLIC }.value })
        assertEquals("142", form.state.field(Ncd.SYSTOLIC)!!.value)
        assertEquals("RAISED", form.state.field(Ncd.BP_RESULT)!!.value)
    }

    @Test
    fun `a visit that cannot be opened says why in the core's words`() {
        val (missing, _) = open(FormTarget.Event("NoSuchEvnt1"))
        assertFalse(missing.state.loading)
        assertNotNull(missing.state.error)
        assertNull(missing.state.form)

        val child = Demo.registerChild(app, "ស៊ុន ដារា", "Sun Dara")
        app.completeEnrollment(child.uid)
        val (closed, _) = open(FormTarget.NewEvent(Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, child.uid, Demo.today().toString()))
        assertTrue(closed.state.error!!, closed.state.error!!.isNotBlank())

        val (nothing, _) = open(null)
        assertEquals("There is no form to open.", nothing.state.error)
    }

    @Test
    fun `a completed visit opens read only, saying why`() {
        val (form, _) = open(Forms.ncdFollowUp(app))
        form.type(Ncd.SYSTOLIC, "130")
        form.type(Ncd.DIASTOLIC, "80")
        form.complete()
        val visit = (form.reopen as FormTarget.Event).event
        val (done, _) = open(FormTarget.Event(visit))
        assertEquals("This visit is completed. Its values can no longer be changed.", done.state.readOnly)
        assertFalse(done.state.editable(done.state.field(Ncd.SYSTOLIC)!!))
        assertFalse(done.state.canComplete)
        assertEquals("130", done.state.shown(done.state.field(Ncd.SYSTOLIC)!!))
    }
}
