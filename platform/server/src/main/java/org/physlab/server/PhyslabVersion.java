package org.physlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Physlab version this build was made from, as Maven knew it (e.g. {@code 0.1.0-SNAPSHOT}). */
public final class PhyslabVersion {
    private static final String VERSION = read();

    private PhyslabVersion() { }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = PhyslabVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
