package dev.gqm.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build of gqm carries (from {@code dev/gqm/build.properties}, written by the build). */
public final class BuildVersion {
    private static final String VERSION = read();

    private BuildVersion() {
    }

    /** "0.2.0", or "development" when the classes were not built by Maven. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/gqm/build.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            return "development";
        }
    }
}
