package dev.gqm.metric;

import dev.gqm.dataset.Response;
import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/** change.first_review_time: creation to the first review by a non-bot non-author. */
final class ChangeFirstReviewTime extends TrackerDuration {
    @Override
    public String id() {
        return "change.first_review_time";
    }

    @Override
    public String definition() {
        return "pull requests created in W: creation to the first review by a non-bot non-author (default stat survival_median)";
    }

    @Override
    boolean waiting() {
        return true;
    }

    @Override
    String event() {
        return "reviewed";
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return q.window().contains(t.createdAt());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        Response r = t.firstAnswer(t.reviews(), q.asOf());
        return r == null ? null : r.at();
    }
}
