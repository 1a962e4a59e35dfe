package dev.gqm.report;

/** Charts are drawn on servers and in CI without a display: AWT must start headless. */
final class HeadlessAwt {
    private HeadlessAwt() {
    }

    /** Must run before the first AWT class loads; a value the user set is kept. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
