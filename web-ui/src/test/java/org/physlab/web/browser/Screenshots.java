package org.physlab.web.browser;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the screenshots of one test: {@code <folder>/<test>-<nn>-<step>.png}, numbered in the order
 * they were taken (shared by every tab and browser of the test), so the files read as a story.
 * The folder is the system property {@code physlab.browser.screenshots}, else
 * {@code target/screenshots}.
 */
final class Screenshots {
    private final Path folder;
    private final String test;
    private final AtomicInteger counter;
    private volatile Path last;

    private Screenshots(Path folder, String test, AtomicInteger counter) {
        this.folder = folder;
        this.test = test;
        this.counter = counter;
    }

    /** The screenshots of the test {@code test} (e.g. {@code LaunchIT-cancel}). */
    static Screenshots of(String test) {
        Path folder = Path.of(System.getProperty("physlab.browser.screenshots", "target/screenshots"));
        return new Screenshots(folder, safe(test), new AtomicInteger());
    }

    /** The same test's screenshots from another tab or browser, told apart by {@code label}. */
    Screenshots tab(String label) {
        return new Screenshots(folder, test + "-" + safe(label), counter);
    }

    Screenshots tab(int n) {
        return tab("tab" + n);
    }

    /** The file for the next step. */
    Path next(String step) {
        last = folder.resolve(String.format("%s-%02d-%s.png", test, counter.incrementAndGet(), safe(step)));
        return last;
    }

    /** The latest file handed out, for failure messages. */
    Path last() {
        return last;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
