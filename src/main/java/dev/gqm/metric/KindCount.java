package dev.gqm.metric;

/** A count that reads one kind of tracker item: its id is the kind's ("issue.open", "change.open"). */
abstract class KindCount extends TrackerCount {
    final ItemKind kind;
    private final String name;

    KindCount(ItemKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public final String id() {
        return kind.id(name);
    }

    @Override
    final boolean pulls() {
        return kind.changes();
    }
}
