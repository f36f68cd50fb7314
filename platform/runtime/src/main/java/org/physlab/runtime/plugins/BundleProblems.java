package org.physlab.runtime.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/** Turns Felix's start failures into sentences a plugin author can act on. */
final class BundleProblems {

    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)\\s]+)");

    private BundleProblems() { }

    static String explain(Bundle bundle, BundleException e, FrameworkWiring wiring) {
        if (e.getType() == BundleException.ACTIVATOR_ERROR) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "its activator " + bundle.getHeaders().get(Constants.BUNDLE_ACTIVATOR) + " failed: "
                    + ExperimentLoader.describe(cause);
        }
        if (e.getType() == BundleException.RESOLVE_ERROR || bundle.getState() == Bundle.INSTALLED) {
            List<String> missing = missingImports(bundle, wiring);
            if (!missing.isEmpty()) {
                return "cannot resolve: it imports " + String.join(", ", missing)
                        + ", which neither the host nor any plugin exports (Felix: " + e.getMessage() + ")";
            }
            return "cannot resolve: " + e.getMessage();
        }
        Throwable cause = e.getCause();
        return "cannot start: " + e.getMessage() + (cause == null ? "" : " (" + ExperimentLoader.describe(cause) + ")");
    }

    /** The mandatory package imports no bundle can satisfy, e.g. {@code package org.example version [1.1,2)}. */
    static List<String> missingImports(Bundle bundle, FrameworkWiring wiring) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) return List.of();
        Map<String, String> ranges = new HashMap<>();
        for (ManifestHeader.Clause c : ManifestHeader.parse(bundle.getHeaders().get(Constants.IMPORT_PACKAGE))) {
            String version = c.attribute("version");
            if (version != null) for (String n : c.names()) ranges.put(n, version);
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String resolution = requirement.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(resolution) || PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)) continue;
            if (!wiring.findProviders(requirement).isEmpty()) continue;
            Matcher m = PACKAGE.matcher(String.valueOf(requirement.getDirectives().get(Constants.FILTER_DIRECTIVE)));
            String pkg = m.find() ? m.group(1) : String.valueOf(requirement);
            String range = ranges.get(pkg);
            missing.add("package " + pkg + (range == null ? "" : " version " + range));
        }
        return missing;
    }
}
