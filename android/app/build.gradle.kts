// The Android app: framework Activities (no AndroidX), the core as libphum_bindings.so for each
// ABI, and its UniFFI Kotlin bindings.
//
// Before every build (preBuild):
//  - buildCoreForAndroid: cargo-ndk builds phum-bindings with the cargo profile `android` for
//    arm64-v8a, armeabi-v7a and x86_64 into build/generated/jniLibs (packaged as jniLibs);
//  - generateBindings: builds the core for this host and generates the Kotlin bindings from it
//    with the workspace's uniffi-bindgen (scripts/lib/bindings.sh, as scripts/kotlin-test and
//    scripts/android-test do) into ../../target/kotlin-bindings, a source folder of `main`.
// scripts/android-test reads namespace, minSdk, targetSdk, versionCode and versionName from this
// file for the SDK-less build of the same sources (android/jvm/pom.xml): keep each on one line
// as `name = value`.
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

/** The repository (the Cargo workspace) this project sits in. */
val repoDir: File = rootProject.projectDir.parentFile
val coreAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
val jniLibsDir = layout.buildDirectory.dir("generated/jniLibs")

android {
    namespace = "org.phum.app"
    compileSdk = 35
    // cargo-ndk finds this NDK (ANDROID_NDK_HOME, set from it below).
    ndkVersion = "27.2.12479018"

    defaultConfig {
        applicationId = "org.phum.app"
        minSdk = 24
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        // The ABIs the core is built for; JNA's AAR has more, left out.
        ndk { abiFilters += coreAbis }
    }

    buildTypes {
        release {
            // No shrinking: JNA and the generated bindings are reached by reflection and JNI.
            isMinifyEnabled = false
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets {
        getByName("main") {
            // The generated UniFFI bindings (never committed; the Kotlin plugin compiles the
            // .kt files of every java source folder) and the core's Android libraries.
            java.srcDir(File(repoDir, "target/kotlin-bindings"))
            jniLibs.srcDir(jniLibsDir)
        }
        getByName("test") {
            // The DHIS2 test server's Kotlin handle, shared with the bindings' tests.
            java.srcDir(File(repoDir, "tests/kotlin"))
        }
    }

    testOptions {
        // Robolectric reads the merged manifest and resources.
        unitTests.isIncludeAndroidResources = true
    }
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

val buildCoreForAndroid by tasks.registering(Exec::class) {
    description = "Builds libphum_bindings.so for each ABI with cargo-ndk (cargo profile android)."
    workingDir = repoDir
    val outDir = jniLibsDir.get().asFile
    commandLine(
        listOf("cargo", "ndk", "--platform", "24") +
            coreAbis.flatMap { listOf("--target", it) } +
            listOf("--output-dir", outDir.path, "build", "--locked", "-p", "phum-bindings", "--profile", "android"),
    )
    // cargo knows what is up to date; Gradle always asks it.
    outputs.upToDateWhen { false }
    doFirst {
        if (System.getenv("ANDROID_NDK_HOME") == null) environment("ANDROID_NDK_HOME", android.ndkDirectory.path)
    }
}

val generateBindings by tasks.registering(Exec::class) {
    description = "Builds the core for this host and generates its Kotlin bindings (target/kotlin-bindings)."
    workingDir = repoDir
    commandLine("bash", "-c", "set -euo pipefail; source scripts/lib/bindings.sh; bindings_generate")
    outputs.upToDateWhen { false }
}

tasks.named("preBuild") { dependsOn(buildCoreForAndroid, generateBindings) }

// The version of rustls-platform-verifier's Kotlin part must be the one of the
// rustls-platform-verifier-android crate in Cargo.lock (its authors' rule); read it from there.
val rustlsVerifierVersion: String = File(repoDir, "Cargo.lock").readLines().let { lines ->
    val at = lines.indexOfFirst { it.trim() == "name = \"rustls-platform-verifier-android\"" }
    check(at >= 0) { "rustls-platform-verifier-android is not in Cargo.lock" }
    lines[at + 1].trim().removePrefix("version = \"").removeSuffix("\"")
}

dependencies {
    // JNA for Android: its classes and libjnidispatch.so per ABI (the generated bindings use it).
    implementation("net.java.dev.jna:jna:5.19.1@aar")
    // The TLS verifier's Kotlin part, called by the core through JNI.
    implementation("rustls:rustls-platform-verifier:$rustlsVerifierVersion")

    testImplementation("junit:junit:4.13.2")
    testImplementation("org.robolectric:robolectric:4.17")
    // JNA's desktop jar: the JVM tests load the core built for the host (target/debug).
    testImplementation("net.java.dev.jna:jna:5.19.1")
}

tasks.withType<Test>().configureEach {
    // Robolectric's native graphics (the screenshots) need about 450 MB.
    maxHeapSize = "1536m"
    systemProperty("jna.library.path", File(repoDir, "target/debug").path)
    systemProperty("phum.repo.dir", repoDir.path)
    systemProperty("phum.target", File(repoDir, "target").path)
    systemProperty("phum.screenshots.dir", layout.buildDirectory.dir("screenshots").get().asFile.path)
    systemProperty("phum.goldens.dir", file("src/test/screenshots").path)
    // ./gradlew :app:testDebugUnitTest -Pphum.record=true writes the goldens instead.
    systemProperty("phum.screenshots.record", (findProperty("phum.record") ?: "false").toString())
}
