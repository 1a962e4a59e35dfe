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

    /** The instants gqm measures at: any real history and its windows fit, and epoch milliseconds never overflow. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** {@link #parse}, then refused outside {@link #EARLIEST}..{@link #LATEST} (exit 2, not an overflow later). */
    static Instant parseInRange(String text) {
        Instant at = parse(text);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new GqmException(ExitCode.USAGE, "bad --as-of '" + text + "': expected an instant between 1970 and 9999");
        }
        return at;
    }
}
