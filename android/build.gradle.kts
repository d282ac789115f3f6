// The plugins' versions, for every module (one: app).
plugins {
    id("com.android.application") version "8.10.1" apply false
    // The same Kotlin as the JVM builds (bindings/kotlin/pom.xml, android/jvm/pom.xml).
    id("org.jetbrains.kotlin.android") version "2.4.21" apply false
}
