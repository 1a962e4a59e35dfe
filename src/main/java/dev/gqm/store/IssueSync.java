package dev.gqm.store;

import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.SourceException;
import java.sql.SQLException;

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

    public void sync(IssueSource source) throws SourceException, StoreException {
        try {
            store.collectionStarted();
            source.collect(store.cursors(), store.etags(), store.sink());
            source.reviews(store.changesNeedingReviews(), store.sink());
            store.collectionFinished();
        } catch (IssueSinkFailure failure) {
            if (failure.getCause() instanceof SQLException sql) {
                throw Store.unusable(sql);
            }
            throw failure;
        }
    }
}
