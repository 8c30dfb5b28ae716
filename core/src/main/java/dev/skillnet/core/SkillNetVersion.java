package dev.skillnet.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, as the build wrote it into {@code version.properties}. */
public final class SkillNetVersion {

    private SkillNetVersion() {}

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the resource is absent */
    public static String get() {
        try (InputStream in = SkillNetVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
