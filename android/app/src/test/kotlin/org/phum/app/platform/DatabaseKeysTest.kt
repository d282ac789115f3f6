// The database keys: random, one per account, the same every time it is asked for, and stored
// only wrapped by the vault (never in clear); a vault that refuses stores nothing.
package org.phum.app.platform

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.MemoryPreferences
import org.phum.app.testing.TestVault

class DatabaseKeysTest {
    @Test
    fun `a key is 32 random bytes, the same when asked again, and stored only wrapped`() {
        val preferences = MemoryPreferences()
        val keys = DatabaseKeys(AppPreferences(preferences), TestVault())
        val demo = keys.keyHex(DatabaseKeys.DEMO)
        assertTrue(demo, Regex("[0-9a-f]{64}").matches(demo))
        assertEquals(demo, keys.keyHex(DatabaseKeys.DEMO))
        assertEquals(demo, DatabaseKeys(AppPreferences(preferences), TestVault()).keyHex(DatabaseKeys.DEMO))
        val account = keys.keyHex(DatabaseKeys.accountName("https://hmis.example.org", "nurse"))
        assertNotEquals(demo, account)
        for (stored in preferences.values.values) {
            assertFalse(stored, stored.contains(demo) || stored.contains(account))
        }
    }

    @Test
    fun `a vault that refuses stores nothing, and a damaged wrapped key is refused`() {
        val preferences = MemoryPreferences()
        assertThrows(KeyVaultException::class.java) { DatabaseKeys(AppPreferences(preferences), TestVault(refuse = true)).keyHex("demo") }
        assertTrue(preferences.values.isEmpty())
        preferences.put("key.demo", "zz")
        assertThrows(KeyVaultException::class.java) { DatabaseKeys(AppPreferences(preferences), TestVault()).keyHex("demo") }
        assertEquals("zz", preferences.string("key.demo"))
    }
}
