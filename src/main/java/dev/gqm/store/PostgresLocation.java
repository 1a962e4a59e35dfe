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

    private PostgresLocation(String url, Properties properties, String shown) {
        this.url = url;
        this.properties = properties;
        this.shown = shown;
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

    static PostgresLocation of(String url, Map<String, String> env, Path home) throws StoreException {
        String shown = Credentials.masked(url);
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            throw new StoreException("store unusable: not a PostgreSQL URL (jdbc:postgresql://HOST[:PORT]/DATABASE): " + shown);
        }
        Properties properties = new Properties();
        String user = Optional.ofNullable(parsed.getProperty("user")).or(() -> Optional.ofNullable(env.get("PGUSER")))
                .orElse(System.getProperty("user.name"));
        properties.setProperty("user", user);
        if (parsed.getProperty("password") == null) {
            String host = first(parsed.getProperty("PGHOST", "localhost"));
            String port = first(parsed.getProperty("PGPORT", String.valueOf(DEFAULT_PORT)));
            String database = parsed.getProperty("PGDBNAME", user);
            Optional.ofNullable(env.get("PGPASSWORD")).filter(p -> !p.isEmpty())
                    .or(() -> passwordFile(env, home).flatMap(file -> fromPasswordFile(file, host, port, database, user)))
                    .ifPresent(password -> properties.setProperty("password", password));
        }
        // a JDBC batch becomes one multi-row INSERT: the bulk saves of a collection take a fraction of the round trips
        if (parsed.getProperty("reWriteBatchedInserts") == null) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        properties.setProperty("ApplicationName", "gqm");
        return new PostgresLocation(url, properties, shown);
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
     * The password of the first line of the file matching the connection ({@code *} matches
     * anything, {@code \} escapes), as libpq reads it; a file that others may read is ignored,
     * as libpq ignores it.
     */
    static Optional<String> fromPasswordFile(Path file, String host, String port, String database, String user) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
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
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < 4 && matches; i++) {
                String field = fields.get(i);
                matches = field.equals("*") || field.equals(wanted[i]);
            }
            if (matches) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
