// Phum's Android app as a Gradle project (Android Gradle plugin 8.x). It needs the Android SDK
// and NDK, cargo-ndk and a network: see the README, "The Android app". Without the SDK,
// scripts/android-test builds and tests the same sources (android/jvm/pom.xml).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
        // rustls-platform-verifier's Kotlin part (the core's TLS on Android: bindings/src/android.rs),
        // an AAR its authors publish as a Maven repository on GitHub, not on Maven Central or Google's.
        maven {
            url = uri("https://github.com/rustls/rustls-platform-verifier/raw/maven-archive/android-release-support/maven/")
            content { includeGroup("rustls") }
        }
    }
}

rootProject.name = "phum"
include(":app")
