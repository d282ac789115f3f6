// A record the server refused, read only (the capture screens of part 2 will open it for
// editing): its title and every visible field with the value as a person reads it, the field the
// server named marked with the server's reason, so the user sees what to correct.
//
// How each kind of record is read (the kinds of RecordIssue.recordKind):
// - `event`: FormSession.openEvent; `enrollment`: FormSession.openRegistration (the person's
//   attributes and the enrollment's dates); `data_set_completion` (key
//   dataSet/period/orgUnit/attributeOptionCombo): FormSession.openDataSet. Each form is read with
//   view() and ended at once: nothing is written.
// - `tracked_entity`: App.person, the person's values.
// - `aggregate_value` (key dataElement/period/orgUnit/categoryOptionCombo/attributeOptionCombo):
//   no form opens a single cell here, so the view shows the server's reason and the key's parts
//   only (the reason already names the data element, period and org unit).
// Anything else shows the reason only. A record that cannot be read (NotFound: deleted since)
// shows the core's error.
//
// Owns what the record view shows. Does not own reading forms (the core's) or the refusals
// (SyncStatus).
package org.phum.app.presenter

import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.PhumException

class RecordPresenter(private val session: Session, val record: Destination.Record) :
    Presenter<RecordPresenter.State>(State(session.texts)) {
    /** One field: its label and its value as shown; [refusal] when the server named it. */
    data class Row(val key: String, val label: String, val shown: String, val refusal: String? = null)

    data class State(
        val texts: Texts,
        val loading: Boolean = true,
        /** The form's title (the program stage, the data set, ...), when the record has one. */
        val heading: String? = null,
        val rows: List<Row> = emptyList(),
        /** The server's reasons for this record, as the sync screen listed them. */
        val reasons: List<String> = emptyList(),
        /** The parts of a key that no form shows (an aggregate value's). */
        val keyParts: List<String> = emptyList(),
        val error: String? = null,
    ) {
        val title get() = texts("screen-record-title")
        val refusedHere get() = texts("screen-record-refused-here")

        /** The reasons not already shown at a field. */
        val otherReasons: List<String> get() = reasons.filter { r -> rows.none { it.refusal == r } }

        /** The row the server named, to scroll to. */
        val marked: Int get() = rows.indexOfFirst { it.refusal != null }
    }

    init {
        load()
    }

    private fun load() {
        val app = session.app
        if (app == null) {
            update(state.copy(loading = false))
            return
        }
        session.work.background {
            val next =
                try {
                    read(app)
                } catch (e: PhumException) {
                    state.copy(loading = false, error = e.said)
                }
            session.work.onMain { update(next) }
        }
    }

    private fun read(app: App): State {
        val issues =
            app.syncStatus().issues
                .filter { it.recordKind == record.kind && it.recordKey == record.key }
                .sortedBy { !it.refused }
        val reasons = issues.map { it.text.text }
        // The reason shown at the field: the issue that named it, else the first one.
        val atField = issues.firstOrNull { it.field == record.field }?.text?.text ?: reasons.firstOrNull()
        fun mark(rows: List<Row>) = rows.map { if (it.key == record.field) it.copy(refusal = atField ?: "") else it }

        val (heading, rows) =
            when (record.kind) {
                EVENT -> form { FormSession.openEvent(app, record.key) }
                ENROLLMENT -> form { FormSession.openRegistration(app, record.key) }
                COMPLETION -> {
                    val parts = record.key.split('/')
                    if (parts.size < 3) {
                        null to emptyList()
                    } else {
                        form { FormSession.openDataSet(app, parts[0], parts[2], parts[1], parts.getOrNull(3)?.ifEmpty { null }) }
                    }
                }
                TRACKED_ENTITY -> null to app.person(record.key).values.map { Row(it.attribute, it.name, it.shown.ifEmpty { NONE }) }
                else -> null to emptyList()
            }
        val keyParts = if (record.kind == AGGREGATE_VALUE || rows.isEmpty() && heading == null) record.key.split('/') else emptyList()
        return state.copy(loading = false, heading = heading, rows = mark(rows), reasons = reasons, keyParts = keyParts)
    }

    /** Opens a form, reads what it shows and ends it (nothing is written). */
    private fun form(open: () -> FormSession): Pair<String?, List<Row>> =
        open().use { form ->
            try {
                val view = form.view()
                view.title to view.fields.filter { !it.hidden }.map { Row(it.key, it.label, it.shown ?: it.value ?: NONE) }
            } finally {
                form.end()
            }
        }

    companion object {
        const val EVENT = "event"
        const val ENROLLMENT = "enrollment"
        const val TRACKED_ENTITY = "tracked_entity"
        const val AGGREGATE_VALUE = "aggregate_value"
        const val COMPLETION = "data_set_completion"

        /** A field without a value. */
        const val NONE = "–"
    }
}
