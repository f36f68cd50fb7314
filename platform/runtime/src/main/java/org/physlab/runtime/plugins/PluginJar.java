package org.physlab.runtime.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * What a jar in a plugin folder says about itself, read before it goes near Felix (which would
 * happily install a plain jar as a nameless legacy bundle).
 *
 * @param symbolicName its {@code Bundle-SymbolicName}, without directives
 * @param version      its {@code Bundle-Version}, normalised (e.g. {@code 1.0.0})
 * @param name         its {@code Bundle-Name}, or the symbolic name
 * @param fragment     whether it is a fragment (which is resolved, never started)
 */
record PluginJar(String symbolicName, String version, String name, boolean fragment) {

    /** @throws BrokenPluginException if the file is not a jar, or not an OSGi bundle */
    static PluginJar read(Path file) throws BrokenPluginException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new BrokenPluginException("not a jar file: " + file.getFileName() + " cannot be read as a zip archive ("
                    + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw new BrokenPluginException("not an OSGi bundle: " + file.getFileName() + " has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        List<ManifestHeader.Clause> bsn = ManifestHeader.parse(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (bsn.isEmpty() || bsn.get(0).names().isEmpty()) {
            throw new BrokenPluginException("not an OSGi bundle: the manifest of " + file.getFileName()
                    + " has no Bundle-SymbolicName header (build plugins with the bnd Maven plugin)");
        }
        String versionText = main.getValue(Constants.BUNDLE_VERSION);
        String version;
        try {
            version = Version.parseVersion(versionText == null ? null : versionText.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new BrokenPluginException("invalid Bundle-Version '" + versionText + "' in " + file.getFileName()
                    + ": " + e.getMessage(), e);
        }
        String symbolicName = bsn.get(0).names().get(0);
        String name = main.getValue(Constants.BUNDLE_NAME);
        return new PluginJar(symbolicName, version, name == null || name.isBlank() ? symbolicName : name.trim(),
                main.getValue(Constants.FRAGMENT_HOST) != null);
    }
}
