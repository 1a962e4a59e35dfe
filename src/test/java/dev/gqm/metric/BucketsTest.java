package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.model.Period;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketsTest {
    @ParameterizedTest
    @CsvSource({
        // as-of,                 period,  first bucket start,     last bucket start,      last bucket end
        "2026-07-01T00:00:00Z,  MONTH,   2025-07-01T00:00:00Z, 2026-06-01T00:00:00Z, 2026-07-01T00:00:00Z",
        "2026-07-01T00:00:01Z,  MONTH,   2025-08-01T00:00:00Z, 2026-07-01T00:00:00Z, 2026-08-01T00:00:00Z",
        "2026-11-22T10:00:00Z,  WEEK,    2026-08-31T00:00:00Z, 2026-11-16T00:00:00Z, 2026-11-23T00:00:00Z",
        "2026-05-15T00:00:00Z,  QUARTER, 2023-07-01T00:00:00Z, 2026-04-01T00:00:00Z, 2026-07-01T00:00:00Z",
    })
    void twelveCalendarBucketsEndingWithTheOneHoldingAsOf(Instant asOf, Period period, Instant first, Instant lastStart, Instant lastEnd) {
        List<Buckets.Bucket> b = Buckets.endingAt(asOf, period);
        assertEquals(12, b.size());
        assertEquals(first, b.get(0).start());
        assertEquals(lastStart, b.get(11).start());
        assertEquals(lastEnd, b.get(11).end());
        for (int i = 1; i < b.size(); i++) {
            assertEquals(b.get(i - 1).end(), b.get(i).start());
        }
    }
}
