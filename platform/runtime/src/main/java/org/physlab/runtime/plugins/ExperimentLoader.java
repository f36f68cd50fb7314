package org.physlab.runtime.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;

/**
 * Instantiates the experiments a plugin bundle lists in {@code META-INF/services/org.physlab.api.Experiment}
 * (read from the bundle's own jar) and asks each for its descriptor.
 */
final class ExperimentLoader {

    static final String SERVICES = "META-INF/services/" + Experiment.class.getName();

    private ExperimentLoader() { }

    /** Whether the bundle lists experiments at all. */
    static boolean listsExperiments(Bundle bundle) {
        return bundle.getEntry(SERVICES) != null;
    }

    /**
     * @throws BrokenPluginException naming the class and what went wrong with it; the plugin then offers nothing
     */
    static List<CatalogEntry> load(Bundle bundle) throws BrokenPluginException {
        List<String> classNames = classNames(bundle);
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String pluginId = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        for (String className : classNames) {
            Experiment experiment = instantiate(bundle, className);
            ExperimentDescriptor descriptor;
            try {
                descriptor = experiment.descriptor();
            } catch (RuntimeException | LinkageError e) {
                throw new BrokenPluginException("experiment " + className + ": descriptor() threw " + describe(e), e);
            }
            if (descriptor == null) {
                throw new BrokenPluginException("experiment " + className + ": descriptor() returned null");
            }
            if (!ids.add(descriptor.id())) {
                throw new BrokenPluginException("lists two experiments with the id '" + descriptor.id() + "'");
            }
            entries.add(new CatalogEntry(descriptor, experiment, pluginId, version, bundle.getBundleId()));
        }
        return entries;
    }

    private static List<String> classNames(Bundle bundle) throws BrokenPluginException {
        URL url = bundle.getEntry(SERVICES);
        if (url == null) return List.of();
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty() && !names.contains(name)) names.add(name);
            }
        } catch (IOException e) {
            throw new BrokenPluginException("cannot read " + SERVICES + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static Experiment instantiate(Bundle bundle, String className) throws BrokenPluginException {
        Class<?> type;
        try {
            type = bundle.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new BrokenPluginException("experiment class " + className + " listed in " + SERVICES
                    + " is not in the bundle", e);
        } catch (LinkageError e) {
            throw new BrokenPluginException("experiment class " + className + " cannot be loaded: " + describe(e), e);
        }
        if (!Experiment.class.isAssignableFrom(type)) {
            throw new BrokenPluginException("experiment class " + className + " does not implement " + Experiment.class.getName()
                    + " as the host offers it (does the plugin pack its own copy of the API?)");
        }
        try {
            return (Experiment) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new BrokenPluginException("experiment class " + className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new BrokenPluginException("experiment class " + className + ": constructor threw " + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new BrokenPluginException("experiment class " + className + " cannot be instantiated: " + describe(e), e);
        }
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
