package org.physlab.web.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a browser test class: its test methods may take a {@link RunningLab} (one real Physlab with
 * the web UI, shared by all browser tests of the JVM) and any number of {@link Browser} parameters
 * (each a separate headless Chromium with its own profile, i.e. a separate user), e.g.
 *
 * <pre>{@code
 * @BrowserTest
 * class RunsIT {
 *     @Test
 *     void aRunLaunchedByOneUserShowsUpForTheOther(RunningLab lab, Browser alice, Browser bob) { ... }
 * }
 * }</pre>
 *
 * Name the classes {@code *IT}: failsafe runs them against the packaged jar (production mode).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {
}
