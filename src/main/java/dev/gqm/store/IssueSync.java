package dev.gqm.store;

import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.SourceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the store up to date with an issue tracker: issues, comments and pull-request fields
 * from the stored cursors, then the reviews of pull requests changed since their last reading.
 * Every page is committed with its cursor (and ETag), so a failed run is resumed by running again.
 */
public final class IssueSync {
    private final IssueStore store;

    public IssueSync(IssueStore store) {
        this.store = store;
    }

    /** Brings the store up to date with the tracker's whole history. */
    public void sync(IssueSource source) throws SourceException, StoreException {
        sync(source, null);
    }

    /**
     * Brings the store up to date; with {@code openAsOf}, the run needs only the items open at
     * that instant, the present (null: the whole history).
     * Then a store with nothing of the source yet (or only its open items) is filled with the
     * open items alone, and it records so. A run that needs the history over a store that holds
     * only the open items reads the whole history from the start (over what is there) and clears
     * that record only once it has read everything, so a pass stopped halfway is resumed by the
     * next such run. A store that holds the history is simply brought up to date.
     */
    public void sync(IssueSource source, Instant openAsOf) throws SourceException, StoreException {
        try {
            store.collectionStarted();
            Optional<Instant> openSince = store.onlyOpenItemsSince();
            boolean holdsOpenOnly = openSince.isPresent();
            Map<String, Instant> cursors = store.cursors();
            boolean open = openAsOf != null && source.collectsOpenOnly() && (holdsOpenOnly || cursors.isEmpty());
            if (open) {
                if (!holdsOpenOnly) {
                    store.markOnlyOpenItems(openAsOf);
                }
                // a first pass stopped halfway and taken up again later reads what closed since
                // its own as-of: an item it stored open and that closed meanwhile is learnt
                Instant closedSince = openSince.filter(s -> s.isBefore(openAsOf)).orElse(openAsOf);
                source.collectOpen(closedSince, store.itemNumbers(), cursors, store.etags(), store.sink());
            } else {
                source.collect(cursors, store.etags(), store.sink());
            }
            source.reviews(store.changesNeedingReviews(), store.sink());
            if (!open && holdsOpenOnly) {
                store.markOnlyOpenItems(null);
            }
            store.collectionFinished();
        } catch (IssueSinkFailure failure) {
            if (failure.getCause() instanceof SQLException sql) {
                throw Store.unusable(sql);
            }
            throw failure;
        }
    }
}
