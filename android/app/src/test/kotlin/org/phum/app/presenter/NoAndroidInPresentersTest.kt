// Every decision lives in plain Kotlin: no presenter or platform interface names android.* (the
// Activities and the org.phum.app.android implementations do), in an import or in code.
package org.phum.app.presenter

import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class NoAndroidInPresentersTest {
    /** `android.` not preceded by a letter, digit or dot (so `org.phum.app.android` is fine). */
    private val android = Regex("""(?<![\w.])android\.""")

    private fun usesAndroid(line: String): Boolean {
        val code = line.substringBefore("//").trim()
        return !code.startsWith("*") && !code.startsWith("/*") && android.containsMatchIn(code)
    }

    @Test
    fun `no presenter or platform file names android`() {
        val root = File(System.getProperty("phum.repo.dir") ?: "../..", "android/app/src/main/kotlin/org/phum/app")
        val files = listOf("presenter", "platform").flatMap { File(root, it).walk().filter { f -> f.extension == "kt" }.toList() }
        assertTrue("no presenter found under $root", files.size >= 5)
        val offending = files.filter { f -> f.readLines().any(::usesAndroid) }
        assertEquals(emptyList<File>(), offending)
    }

    @Test
    fun `the check sees an import, a qualified name and nothing in a package of ours`() {
        assertTrue(usesAndroid("import android.os.Build"))
        assertTrue(usesAndroid("    val x = android.os.Build.FINGERPRINT"))
        assertTrue(!usesAndroid("import org.phum.app.android.MainWork"))
        assertTrue(!usesAndroid("// the Android implementation (org.phum.app.android) does it"))
    }
}
