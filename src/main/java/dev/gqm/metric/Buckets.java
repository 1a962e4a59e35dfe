package dev.gqm.metric;

import dev.gqm.model.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Calendar buckets in UTC: ISO weeks (Monday), months, quarters. */
final class Buckets {
    /** Time series show this many buckets, the last one holding as-of. */
    static final int COUNT = 12;

    private Buckets() {
    }

    record Bucket(Instant start, Instant end) {
    }

    static LocalDate startOf(LocalDate day, Period period) {
        return switch (period) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
        };
    }

    static LocalDate next(LocalDate start, Period period) {
        return switch (period) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The {@link #COUNT} buckets ending with the one that holds as-of (an instant exactly at a bucket start belongs to the bucket before). */
    static List<Bucket> endingAt(Instant asOf, Period period) {
        LocalDate day = asOf.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = startOf(day, period);
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            LocalDate end = next(start, period);
            buckets.add(new Bucket(start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.atStartOfDay(ZoneOffset.UTC).toInstant()));
            start = startOf(start.minusDays(1), period);
        }
        Collections.reverse(buckets);
        return buckets;
    }
}
