package org.physlab.testkit.activators;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A bundle activator whose {@code start} throws {@code IllegalStateException("activator broken on purpose")}. */
public final class ThrowingActivator implements BundleActivator {

    public static final String MESSAGE = "activator broken on purpose";

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
