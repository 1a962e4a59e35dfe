package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** issue.open / change.open: items of the kind open at as-of (one closed after as-of was open then). */
final class Open extends KindCount {
    Open(ItemKind kind) {
        super(kind, "open");
    }

    @Override
    public String definition() {
        return kind.pick("issues open at as_of", "pull requests open at as_of");
    }

    @Override
    public boolean readsOnlyOpenItems() {
        return true;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf());
    }
}
