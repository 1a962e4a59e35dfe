package dev.gqm.store;

import dev.gqm.collect.Credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A {@code jdbc:postgresql:} store URL with what connecting takes: the user and the password (from
 * the URL's {@code password} parameter, else {@code PGPASSWORD}, else the password file
 * {@code PGPASSFILE} or {@code ~/.pgpass}, as libpq reads them), and the URL as messages show it,
 * with its password masked. The password is handed to the driver as a property and never becomes
 * part of a shown text.
 */
final class PostgresLocation {
    static final String PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    private final String url;
    private final Properties properties;
    private final String shown;
    private final List<String> warnings;

    private PostgresLocation(String url, Properties properties, String shown, List<String> warnings) {
        this.url = url;
        this.properties = properties;
        this.shown = shown;
        this.warnings = List.copyOf(warnings);
    }

    static boolean is(String location) {
        return location.startsWith(PREFIX);
    }

    /** The URL as given, for the driver (it may hold the password: never shown). */
    String url() {
        return url;
    }

    /** A copy of the connection properties: user, password when one was found, batched inserts. */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The URL with any password masked, for messages. */
    String shown() {
        return shown;
    }

    /** What the user should hear of (a password file ignored for its permissions); no secret in them. */
    List<String> warnings() {
        return warnings;
    }

    /** The parameters whose values are secrets: the password, and the password of an SSL client key. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

    /**
     * The URL with the value of every secret parameter masked whole, up to the next {@code &}
     * (a value may hold spaces), as {@link Credentials#masked} cannot know inside a sentence.
     */
    static String masked(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Credentials.masked(url);
        }
        StringBuilder out = new StringBuilder(url.substring(0, query + 1));
        String[] parameters = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            out.append(i == 0 ? "" : "&").append(SECRET_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))
                    ? name + "=***" : parameter);
        }
        return Credentials.masked(out.toString());
    }

    /** Stands for "no password in the URL" while the driver reads it, so that the driver reads no password file. */
    private static final String NONE = "\u0000gqm: no password in the URL";

    static PostgresLocation of(String url, Map<String, String> env, Path home) throws StoreException {
        String shown = masked(url);
        // the driver would fill a missing password from a password file of its own finding,
        // before PGPASSWORD and without looking at the file's permissions: it is given one to keep
        Properties defaults = new Properties();
        defaults.setProperty("password", NONE);
        Properties parsed = org.postgresql.Driver.parseURL(url, defaults);
        if (parsed == null) {
            throw new StoreException("store unusable: not a PostgreSQL URL (jdbc:postgresql://HOST[:PORT]/DATABASE): " + shown);
        }
        Properties properties = new Properties();
        List<String> warnings = new ArrayList<>();
        String user = Optional.ofNullable(parsed.getProperty("user")).or(() -> Optional.ofNullable(env.get("PGUSER")))
                .orElse(System.getProperty("user.name"));
        properties.setProperty("user", user);
        if (NONE.equals(parsed.getProperty("password"))) {
            String host = first(parsed.getProperty("PGHOST", "localhost"));
            String port = first(parsed.getProperty("PGPORT", String.valueOf(DEFAULT_PORT)));
            String database = parsed.getProperty("PGDBNAME", user);
            // none found: an empty one, which a server that trusts the connection never asks
            // for, and which keeps the driver from reading a password file itself
            properties.setProperty("password", Optional.ofNullable(env.get("PGPASSWORD")).filter(p -> !p.isEmpty())
                    .or(() -> passwordFile(env, home)
                            .flatMap(file -> fromPasswordFile(file, host, port, database, user, warnings::add)))
                    .orElse(""));
        }
        // a JDBC batch becomes one multi-row INSERT: the bulk saves of a collection take a fraction of the round trips
        if (parsed.getProperty("reWriteBatchedInserts") == null) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        properties.setProperty("ApplicationName", "gqm");
        return new PostgresLocation(url, properties, shown, warnings);
    }

    private static String first(String hosts) {
        int comma = hosts.indexOf(',');
        return comma < 0 ? hosts : hosts.substring(0, comma);
    }

    private static Optional<Path> passwordFile(Map<String, String> env, Path home) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isEmpty()) {
            return Optional.of(Path.of(named));
        }
        return home == null ? Optional.empty() : Optional.of(home.resolve(".pgpass"));
    }

    /**
     * The password of the first line of the file matching the connection, as libpq reads it: a
     * field that is {@code *} alone matches anything, {@code \\} escapes the next character (so
     * {@code \\*} is a star and {@code \\:} a colon), the password ends at the next unescaped
     * colon. A file that others may read is ignored, as libpq ignores it, with a warning.
     */
    static Optional<String> fromPasswordFile(Path file, String host, String port, String database, String user,
                                             java.util.function.Consumer<String> warning) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                warning.accept("password file " + file + " is ignored: others may read it"
                        + " (chmod 600 it, as libpq asks)");
                return Optional.empty();
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] wanted = {host, port, database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String[]> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < 4 && matches; i++) {
                matches = fields.get(i)[0].equals("*") || fields.get(i)[1].equals(wanted[i]);
            }
            if (matches) {
                return Optional.of(fields.get(4)[1]);
            }
        }
        return Optional.empty();
    }

    /** The line's fields split at unescaped colons, each as written and as meant (escapes undone). */
    private static List<String[]> fields(String line) {
        List<String[]> out = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder meant = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                raw.append(c).append(line.charAt(i + 1));
                meant.append(line.charAt(++i));
            } else if (c == ':') {
                out.add(new String[] {raw.toString(), meant.toString()});
                raw.setLength(0);
                meant.setLength(0);
            } else {
                raw.append(c);
                meant.append(c);
            }
        }
        out.add(new String[] {raw.toString(), meant.toString()});
        return out;
    }
}
