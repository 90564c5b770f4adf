package dev.drpilot.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every Awaitility wait of the suite gives up after a minute instead of ten seconds: the tests
 * wait for what a person would see, and on a loaded 2-core machine the window can take longer
 * than ten seconds to show it. A wait still ends the moment its condition holds.
 */
public final class PatientWaits implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
    }
}
