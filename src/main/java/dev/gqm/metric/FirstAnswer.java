package dev.gqm.metric;

import dev.gqm.dataset.Response;
import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/**
 * issue.first_response_time / change.first_review_time: items of the kind created in W, from
 * creation to the first answer by a non-bot who is not the author — a comment on an issue, a
 * review of a change request. Items still waiting are censored (default stat survival_median).
 */
final class FirstAnswer extends TrackerDuration {
    private final ItemKind kind;

    FirstAnswer(ItemKind kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return kind.id(kind.pick("first_response_time", "first_review_time"));
    }

    @Override
    public String definition() {
        return kind.pick("issues created in W: creation to the first comment by a non-bot who is not the author"
                        + " (default stat survival_median; unanswered issues are listed)",
                "pull requests created in W: creation to the first review by a non-bot non-author (default stat survival_median)");
    }

    @Override
    boolean waiting() {
        return true;
    }

    @Override
    String event() {
        return kind.pick("answered", "reviewed");
    }

    @Override
    boolean pulls() {
        return kind.changes();
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return q.window().contains(t.createdAt());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        Response r = t.firstAnswer(kind.changes() ? t.reviews() : t.comments(), q.asOf());
        return r == null ? null : r.at();
    }
}
