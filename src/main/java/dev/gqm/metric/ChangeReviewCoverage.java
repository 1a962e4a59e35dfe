package dev.gqm.metric;

import dev.gqm.dataset.Response;
import dev.gqm.dataset.TrackedItem;

/** change.review_coverage: share of pull requests merged in W reviewed by a non-bot non-author before the merge. */
final class ChangeReviewCoverage extends TrackerRatio {
    @Override
    public String id() {
        return "change.review_coverage";
    }

    @Override
    public String definition() {
        return "share of pull requests merged in W with a review by a non-bot other than the author before the merge";
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean considered(TrackedItem t, MetricQuery q) {
        return t.mergedIn(q.window());
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        Response r = t.firstAnswer(t.reviews(), t.mergedAt());
        return r != null;
    }
}
