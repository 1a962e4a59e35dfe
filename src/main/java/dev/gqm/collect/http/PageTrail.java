package dev.gqm.collect.http;

import dev.gqm.collect.SourceException;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of one listing read so far, so that a server's {@code Link} headers cannot keep a run
 * going forever: a next page already read is refused, an empty page ends the listing, and a
 * listing of issues or pull requests may not run past the pages its item numbers can fill
 * (numbers are given in sequence, so no listing holds more items than the highest number seen).
 */
public final class PageTrail {
    private final String sender;
    private final String listing;
    private final boolean numbered;
    private final Set<URI> read = new HashSet<>();
    private long highestNumber;
    private int pages;
    private long items;
    private int largestPage;

    /**
     * @param sender the source as messages name it ("GitHub")
     * @param numbered whether the listing's items carry issue numbers that bound its length
     */
    public PageTrail(String sender, String listing, boolean numbered) {
        this.sender = sender;
        this.listing = listing;
        this.numbered = numbered;
    }

    /** Called before reading {@code page}; refuses a page read before. */
    public void visit(URI page) throws SourceException {
        if (!read.add(page)) {
            throw new SourceException(sender + "'s " + listing + " listing links back to a page already read ("
                    + page.getPath() + "); stopping rather than reading it again");
        }
        pages++;
    }

    /** Records an item number seen on the listing. */
    public void number(long n) {
        highestNumber = Math.max(highestNumber, n);
    }

    /**
     * The page to read next: none after an empty page; refused when the listing has already
     * given more items than its highest number allows (with two pages of slack for items that
     * moved between pages while they were read).
     */
    public Optional<URI> next(Optional<URI> linked, int itemsOnPage) throws SourceException {
        items += itemsOnPage;
        largestPage = Math.max(largestPage, itemsOnPage);
        if (linked.isEmpty() || itemsOnPage == 0) {
            return Optional.empty();
        }
        if (numbered && items > highestNumber + 2L * largestPage) {
            throw new SourceException(sender + "'s " + listing + " listing runs past " + pages + " pages (" + items
                    + " items), more than its highest number (" + highestNumber + ") can hold; stopping");
        }
        return linked;
    }
}
