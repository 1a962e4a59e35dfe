package dev.gqm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What the outside world gives a run: streams, environment, clock, working directory and home. */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, Path workDir, Path home) {
    public Path cacheDir() {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("gqm");
    }
}
