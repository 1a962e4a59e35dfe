package dev.gqm.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code --as-of}: a date (UTC midnight) or an ISO-8601 instant, with or without offset. */
final class InstantParser {
    private InstantParser() {
    }

    static Instant parse(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new GqmException(ExitCode.USAGE, "bad --as-of '" + text + "': expected 2026-07-01 or an ISO-8601 instant such as 2026-07-01T12:00:00Z");
        }
    }
}
