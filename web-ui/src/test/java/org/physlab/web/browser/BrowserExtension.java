package org.physlab.web.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands browser tests their {@link RunningLab} and {@link Browser}s (see {@link BrowserTest}). The lab
 * is started once, on first use, and closed when the whole test run ends; each browser lives for one
 * test method. When a test fails, every browser it used saves a last screenshot {@code …-failure.png}.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningLab.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningLab lab = lab(context);
        if (parameter.getParameter().getType() == RunningLab.class) return lab;
        OpenBrowsers open = context.getStore(NAMESPACE).getOrComputeIfAbsent(OpenBrowsers.class,
                k -> new OpenBrowsers(Screenshots.of(testName(context))), OpenBrowsers.class);
        String label = parameter.getIndex() == firstBrowserIndex(parameter) ? null : parameter.getParameter().getName();
        return open.start(lab, label);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) return;
        OpenBrowsers open = context.getStore(NAMESPACE).get(OpenBrowsers.class, OpenBrowsers.class);
        if (open != null) open.screenshotAll("failure");
    }

    private static RunningLab lab(ExtensionContext context) {
        SharedLab shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedLab.class, k -> {
            try {
                return new SharedLab(RunningLab.start());
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot start Physlab for the browser tests: " + e, e);
            }
        }, SharedLab.class);
        return shared.lab;
    }

    private static int firstBrowserIndex(ParameterContext parameter) {
        var all = parameter.getDeclaringExecutable().getParameters();
        for (int i = 0; i < all.length; i++) if (all[i].getType() == Browser.class) return i;
        return -1;
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }

    /** The lab of the whole test run, closed by JUnit when the run ends. */
    private record SharedLab(RunningLab lab) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            lab.close();
        }
    }

    /** The browsers of one test, quit by JUnit when the test ends. */
    private static final class OpenBrowsers implements ExtensionContext.Store.CloseableResource {
        private final Screenshots screenshots;
        private final List<Chromium> chromiums = new ArrayList<>();
        private final List<Browser> browsers = new ArrayList<>();

        OpenBrowsers(Screenshots screenshots) {
            this.screenshots = screenshots;
        }

        Browser start(RunningLab lab, String label) {
            Chromium chromium = Chromium.start();
            chromiums.add(chromium);
            Browser browser = new Browser(chromium.driver, lab.uri(), label == null ? screenshots : screenshots.tab(label));
            browsers.add(browser);
            return browser;
        }

        void screenshotAll(String step) {
            for (Browser b : browsers) {
                try {
                    b.screenshot(step);
                } catch (RuntimeException ignored) {
                    // the browser may be what failed; the test's own failure says more
                }
            }
        }

        @Override
        public void close() {
            RuntimeException first = null;
            for (Chromium c : chromiums) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }
    }
}
