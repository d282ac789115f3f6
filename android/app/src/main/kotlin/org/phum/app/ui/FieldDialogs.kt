// The dialogs a form's field opens: the framework's date and time pickers (24-hour clock, as DHIS2
// stores times), and a list to pick one of many (options, org units) with a field that filters it
// as the user types (by any part of a name, either letter case). Owns the dialogs; what is picked
// goes back to the field's row, which sends it.
package org.phum.app.ui

import android.app.AlertDialog
import android.app.DatePickerDialog
import android.app.TimePickerDialog
import android.view.View
import android.view.ViewGroup
import android.widget.ArrayAdapter
import android.widget.TextView
import java.time.LocalDate
import java.time.LocalTime
import org.phum.app.presenter.Texts

class FieldDialogs(private val ui: Ui, private val texts: Texts) {
    /** The date picker at [current] (today when null). */
    fun date(current: LocalDate?, picked: (LocalDate) -> Unit) {
        val at = current ?: LocalDate.now()
        // The picker's months count from 0.
        DatePickerDialog(ui.context, { _, year, month, day -> picked(LocalDate.of(year, month + 1, day)) }, at.year, at.monthValue - 1, at.dayOfMonth).show()
    }

    /** The time picker at [current] (now when null), on a 24-hour clock. */
    fun time(current: LocalTime?, picked: (LocalTime) -> Unit) {
        val at = current ?: LocalTime.now()
        TimePickerDialog(ui.context, { _, hour, minute -> picked(LocalTime.of(hour, minute)) }, at.hour, at.minute, true).show()
    }

    /** [items] (value to label) under [title], filtered by what is typed above them; the value picked. */
    fun list(title: String, items: List<Pair<String, String>>, picked: (String) -> Unit) {
        var shown = items
        val adapter =
            object : ArrayAdapter<String>(ui.context, 0, items.map { it.second }.toMutableList()) {
                override fun getView(position: Int, convertView: View?, parent: ViewGroup): View =
                    ((convertView as? TextView) ?: ui.text("").apply {
                        ui.touchable(this)
                        setPadding(ui.dp(24), ui.dp(8), ui.dp(24), ui.dp(8))
                    }).apply { text = getItem(position) }
            }
        val filter =
            ui.field(texts("screen-form-filter")).apply {
                onTyped { text ->
                    val words = text.trim().lowercase()
                    shown = items.filter { it.second.lowercase().contains(words) }
                    adapter.clear()
                    adapter.addAll(shown.map { it.second })
                }
            }
        val top = ui.column(ui.title(title), ui.fill(filter)).apply { setPadding(ui.dp(24), ui.dp(16), ui.dp(24), 0) }
        AlertDialog.Builder(ui.context)
            .setCustomTitle(top)
            .setAdapter(adapter) { _, which -> shown.getOrNull(which)?.let { picked(it.first) } }
            .setNegativeButton(texts("screen-common-cancel"), null)
            .show()
    }
}
