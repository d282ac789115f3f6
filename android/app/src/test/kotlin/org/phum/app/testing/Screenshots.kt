// Screenshots of the app's screens, compared with committed goldens.
//
// Flow: a Robolectric test (run with @GraphicsMode(NATIVE), so text is drawn by Android's real
// renderer with its bundled fonts, Khmer included) sets the screen up; `check` idles the main
// looper, draws the window's decor view into a Bitmap, writes it to
// `target/android-app/screenshots/NAME.png` and compares its pixels with the golden
// `android/app/src/test/screenshots/NAME.png`. Renders are deterministic here (the same PNG bytes
// on every run), so the comparison is exact. A missing golden or any different pixel fails the
// test, naming both files; `scripts/android-test --record` writes the goldens instead (to approve
// a layout change: look at the new PNGs, then commit them).
// `largestText` and `language` set the device up before the Activity is created.
// The folders come from system properties Maven's Surefire sets (android/jvm/pom.xml).
// Owns taking and comparing screenshots; not what a screen shows (each screen's test).
package org.phum.app.testing

import android.app.Activity
import android.graphics.Bitmap
import android.graphics.BitmapFactory
import android.graphics.Canvas
import android.os.Looper
import java.io.File
import org.junit.Assert.fail
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

object Screenshots {
    /** Android's largest font size setting ("Font size" at its maximum: 200%). */
    const val LARGEST_FONT_SCALE = 2f

    private val NAME = Regex("[a-z0-9][a-z0-9_-]*")

    private fun folder(property: String): File =
        File(System.getProperty(property) ?: error("system property $property is not set (run scripts/android-test)")).canonicalFile

    private val record: Boolean get() = System.getProperty("phum.screenshots.record") == "true"

    /**
     * Renders with the system font size at its largest (200%). Call before the Activity is
     * created: the font scale is part of the configuration an Activity starts with.
     */
    fun largestText() = RuntimeEnvironment.setFontScale(LARGEST_FONT_SCALE)

    /** The device's language (a BCP 47 tag such as "km" or "en"), before the Activity is created. */
    fun language(tag: String) = RuntimeEnvironment.setQualifiers("+" + tag.replace("-", "-r"))

    /**
     * The Activity's window as a PNG named [name] (lower case, digits, `-` and `_`), compared
     * with its golden, or written as the golden when recording.
     */
    fun check(activity: Activity, name: String) {
        require(NAME.matches(name)) { "screenshot name '$name': use lower case letters, digits, - and _" }
        shadowOf(Looper.getMainLooper()).idle()
        val actual = render(activity, name)
        val output = File(folder("phum.screenshots.dir"), "$name.png")
        write(actual, output)
        val golden = File(folder("phum.goldens.dir"), "$name.png")
        if (record) {
            golden.parentFile.mkdirs()
            output.copyTo(golden, overwrite = true)
            return
        }
        if (!golden.isFile) {
            fail("no golden screenshot $golden for $output: look at it, then approve it with scripts/android-test --record")
        }
        if (golden.readBytes().contentEquals(output.readBytes())) return
        val expected = BitmapFactory.decodeFile(golden.path)
        if (expected == null) {
            fail("golden screenshot $golden is not a PNG; approve $output with scripts/android-test --record")
            return
        }
        val difference = difference(expected, actual)
        if (difference != null) {
            fail("screenshot $output differs from its golden $golden ($difference); if the change is intended, approve it with scripts/android-test --record")
        }
    }

    private fun render(activity: Activity, name: String): Bitmap {
        val view = activity.window.decorView
        check(view.width > 0 && view.height > 0) {
            "screenshot $name: the window is not laid out (${view.width}x${view.height}); set the Activity up and make it visible first"
        }
        val bitmap = Bitmap.createBitmap(view.width, view.height, Bitmap.Config.ARGB_8888)
        view.draw(Canvas(bitmap))
        return bitmap
    }

    private fun write(bitmap: Bitmap, file: File) {
        file.parentFile.mkdirs()
        file.outputStream().use { out ->
            check(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out)) { "could not write $file" }
        }
    }

    /** What differs between two renders, or null when every pixel is the same. */
    private fun difference(expected: Bitmap, actual: Bitmap): String? {
        if (expected.width != actual.width || expected.height != actual.height) {
            return "size ${actual.width}x${actual.height}, golden ${expected.width}x${expected.height}"
        }
        val size = actual.width * actual.height
        val a = IntArray(size).also { actual.getPixels(it, 0, actual.width, 0, 0, actual.width, actual.height) }
        val e = IntArray(size).also { expected.getPixels(it, 0, expected.width, 0, 0, expected.width, expected.height) }
        val differing = (0 until size).count { a[it] != e[it] }
        if (differing == 0) return null
        val first = (0 until size).first { a[it] != e[it] }
        return "$differing of $size pixels differ, the first at (${first % actual.width}, ${first / actual.width})"
    }
}
