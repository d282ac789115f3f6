// The runner of the app's Robolectric tests: Robolectric's, with the core's bindings and JNA kept
// out of its sandboxes.
//
// Robolectric loads a test, and the app classes it touches, in a sandbox class loader per SDK and
// graphics mode. JNA must be loaded once per JVM: a second sandbox loading `com.sun.jna` again
// would load libjnidispatch and libphum_bindings.so a second time from another class loader, which
// the JVM refuses ("already loaded in another classloader"). So `com.sun.jna` and the generated
// bindings (`org.phum.core`) come from the ordinary class loader, shared by every sandbox; neither
// touches `android.*`, so nothing in them needs Robolectric's instrumentation.
// Owns the class-loader configuration only; the tests' SDK and qualifiers are in their @Config.
package org.phum.app.testing

import org.junit.runners.model.FrameworkMethod
import org.robolectric.RobolectricTestRunner
import org.robolectric.internal.bytecode.InstrumentationConfiguration

class PhumTestRunner(testClass: Class<*>) : RobolectricTestRunner(testClass) {
    override fun createClassLoaderConfig(method: FrameworkMethod?): InstrumentationConfiguration =
        InstrumentationConfiguration.Builder(super.createClassLoaderConfig(method))
            .doNotAcquirePackage("com.sun.jna")
            .doNotAcquirePackage("org.phum.core")
            .build()
}
