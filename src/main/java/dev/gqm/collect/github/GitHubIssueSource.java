package dev.gqm.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.http.PageTrail;
import dev.gqm.collect.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * A GitHub repository's issues, pull requests, comments and reviews over the REST API. On a first
 * collection the repository is looked up with the hub4j client; the listings it does not offer in
 * the needed form (oldest-first with {@code since}, repository-wide comments, raw user types and
 * author associations) are requested directly over the same connection, auth and rate-limit
 * handling. A stream's first page is asked for conditionally when an earlier run kept the ETag of
 * that very request: GitHub does not count a 304 answer against the rate limit.
 */
public final class GitHubIssueSource implements IssueSource {
    public static final Duration DEFAULT_WAIT_BUDGET = Duration.ofHours(1);
    /** The streams, GitHub's listings: {@link #collect} reads the first three in this order. */
    public static final String ISSUES = "issues";
    public static final String COMMENTS = "comments";
    public static final String PULLS = "pulls";
    /** The streams of {@link #collectOpen}. */
    public static final String OPEN_ISSUES = "issues:open";
    public static final String OPEN_COMMENTS = "comments:open";
    public static final String OPEN_PULLS = "pulls:open";
    /** Added to an open stream's name: the items closed since as-of that its first pass reads. */
    static final String CLOSED_SINCE = ":closed-since";
    static final String REVIEWS_PREFIX = "reviews:";
    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final int PER_PAGE = 100;

    private final String ownerRepo;
    private final String apiUrl;
    private final String token;
    private final GitHubHttp http;
    private final Consumer<String> progress;

    public GitHubIssueSource(String ownerRepo, String apiUrl, String token, Sleeper sleeper, Clock clock) {
        this(ownerRepo, apiUrl, token, sleeper, clock, line -> { }, DEFAULT_WAIT_BUDGET);
    }

    /**
     * @param progress receives a line whenever a rate limit is waited out, and every
     *     {@value #PROGRESS_PAGES} pages of a long listing
     * @param waitBudget the longest total wait of the run (rate limits, secondary limits, retry
     *     backoff) before giving up
     */
    public GitHubIssueSource(String ownerRepo, String apiUrl, String token, Sleeper sleeper, Clock clock,
                             Consumer<String> progress, Duration waitBudget) {
        this(ownerRepo, apiUrl, token, sleeper, clock, progress, waitBudget, GitHubHttp.RESPONSE_DEADLINE);
    }

    /** The same, with the deadline for each whole answer (tests shorten it). */
    GitHubIssueSource(String ownerRepo, String apiUrl, String token, Sleeper sleeper, Clock clock,
                      Consumer<String> progress, Duration waitBudget, Duration responseDeadline) {
        if (ownerRepo == null || !OWNER_REPO.matcher(ownerRepo).matches()) {
            throw new IllegalArgumentException("not a GitHub repository as OWNER/REPO: " + ownerRepo);
        }
        this.ownerRepo = ownerRepo;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        URI api = URI.create(this.apiUrl);
        if (api.getScheme() == null || api.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL for the GitHub API: " + apiUrl);
        }
        this.token = token == null || token.isBlank() ? null : token;
        this.http = new GitHubHttp(api, ownerRepo, this.token, sleeper, clock, progress, waitBudget, responseDeadline);
        this.progress = progress;
    }

    /** Long collections say how far they are every this many pages (or pull requests, for reviews). */
    static final int PROGRESS_PAGES = 20;

    @Override
    public String repository() {
        return ownerRepo;
    }

    @Override
    public int requests() {
        return http.requests();
    }

    @Override
    public int notModified() {
        return http.notModified();
    }

    @Override
    public void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException {
        // once something is stored the repository was found before; should it be gone now, the
        // first listing's 404 says so in the same words, and the lookup's request is saved
        if (cursors.isEmpty() && etags.isEmpty()) {
            lookUpRepository();
        }
        String repo = "/repos/" + ownerRepo;
        oldestFirst(ISSUES, true, repo + "/issues?state=all&sort=updated&direction=asc&per_page=" + PER_PAGE,
                cursors.get(ISSUES), etags.get(ISSUES), sink);
        oldestFirst(COMMENTS, false, repo + "/issues/comments?sort=updated&direction=asc&per_page=" + PER_PAGE,
                cursors.get(COMMENTS), etags.get(COMMENTS), sink);
        pulls(PULLS, "all", repo, cursors.get(PULLS), etags.get(PULLS), sink);
    }

    @Override
    public boolean collectsOpenOnly() {
        return true;
    }

    /**
     * While the open comments stream has no cursor: the open items ({@code state=open}), then the
     * items closed since {@code closedSince} (open then; read second, so that an item closed
     * while the open ones are read is in it), with their comments: each commented item's own
     * listing, or the repository-wide one when it has fewer pages (one request of one comment a
     * page tells its length). The per-item reading writes that cursor last, so a cold pass
     * stopped halfway starts again. Once it has one, the streams are read as {@link #collect}
     * reads its own, everything changed since, closed items too; and an item with comments
     * that the store does not hold and that is older than the comments cursor (closed when the
     * store was filled, changed or reopened since) is stored with its earlier comments, from its
     * own listing, in the same transaction as its listing's page.
     */
    @Override
    public void collectOpen(Instant closedSince, Set<Integer> held, Map<String, Instant> cursors,
                            Map<String, IssueSink.Etag> etags, IssueSink sink) throws SourceException {
        String repo = "/repos/" + ownerRepo;
        String everyComment = repo + "/issues/comments?sort=updated&direction=asc&per_page=" + PER_PAGE;
        if (cursors.get(OPEN_COMMENTS) != null) {
            oldestFirst(OPEN_ISSUES, true, repo + "/issues?state=all&sort=updated&direction=asc&per_page=" + PER_PAGE,
                    cursors.get(OPEN_ISSUES), etags.get(OPEN_ISSUES), sink, new Unheld(held, cursors.get(OPEN_COMMENTS)),
                    repo);
            oldestFirst(OPEN_COMMENTS, false, everyComment, cursors.get(OPEN_COMMENTS), etags.get(OPEN_COMMENTS), sink);
        } else {
            if (cursors.isEmpty() && etags.isEmpty()) {
                lookUpRepository();
            }
            // no ETag: a 304 would say nothing of which items have comments to read
            Listed open = oldestFirst(OPEN_ISSUES, true, repo + "/issues?state=open&sort=updated&direction=asc&per_page="
                    + PER_PAGE, null, null, sink);
            // into a stream of its own: its cursor starts at as-of, past open items' updates it never lists
            Listed closed = oldestFirst(OPEN_ISSUES + CLOSED_SINCE, true, repo
                    + "/issues?state=closed&sort=updated&direction=asc&per_page=" + PER_PAGE, closedSince, null, sink);
            Set<Integer> commented = new TreeSet<>(open.commented());
            commented.addAll(closed.commented());
            if (!commented.isEmpty() && commentPages(everyComment) < commented.size()) {
                // fewer pages than items with comments: the repository-wide listing, as collect reads it
                oldestFirst(OPEN_COMMENTS, false, everyComment, null, null, sink);
            } else {
                commentsOf(commented, repo, sink);
                // the newest update GitHub gave: comments made or edited from there on move this
                // cursor's listing, as in collect (as-of, this machine's clock, is not GitHub's)
                Instant cursor = open.newest() == null || closed.newest() != null
                        && closed.newest().isAfter(open.newest()) ? closed.newest() : open.newest();
                if (cursor != null) {
                    deliver(sink, IssueSink.Page.of(OPEN_COMMENTS, List.of(), List.of(), List.of(), List.of(), cursor));
                }
            }
        }
        Instant pullsSince = cursors.get(OPEN_PULLS);
        pulls(OPEN_PULLS, pullsSince == null ? "open" : "all", repo, pullsSince, etags.get(OPEN_PULLS), sink);
    }

    /**
     * How many pages of {@value #PER_PAGE} the repository-wide comment listing {@code pathAndQuery}
     * has, asked with one comment a page: the last page's number is then the count of comments.
     */
    private long commentPages(String pathAndQuery) throws SourceException {
        URI one = URI.create(apiUrl + pathAndQuery.replace("per_page=" + PER_PAGE, "per_page=1"));
        GitHubHttp.Page page = http.page(one);
        if (page.last().isEmpty() && page.next().isPresent()) {
            return Long.MAX_VALUE; // more than one comment, how many unsaid: the open items' own listings
        }
        long comments = page.last().map(GitHubIssueSource::pageNumber).orElse((long) page.items().size());
        return comments == Long.MAX_VALUE ? comments : (comments + PER_PAGE - 1) / PER_PAGE;
    }

    private static long pageNumber(URI link) {
        for (String param : Optional.ofNullable(link.getRawQuery()).orElse("").split("&")) {
            if (param.startsWith("page=")) {
                try {
                    return Long.parseLong(param.substring("page=".length()));
                } catch (NumberFormatException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Every comment of each item numbered in {@code numbers}, from the item's own listing. */
    private void commentsOf(Set<Integer> numbers, String repo, IssueSink sink) throws SourceException {
        int done = 0;
        for (int number : numbers) {
            if (++done % (PROGRESS_PAGES * 10) == 0) {
                progress.accept("GitHub comments: " + done + " of " + numbers.size() + " open items");
            }
            List<Comment> comments = ownComments(number, repo);
            if (!comments.isEmpty()) {
                deliver(sink, IssueSink.Page.of(OPEN_COMMENTS, List.of(), comments, List.of(), List.of(), null));
            }
        }
    }

    @Override
    public void reviews(Set<Integer> pulls, IssueSink sink) throws SourceException {
        if (pulls.isEmpty()) {
            return;
        }
        String repo = "/repos/" + ownerRepo;
        int done = 0;
        for (int number : new TreeSet<>(pulls)) {
            if (++done % (PROGRESS_PAGES * 10) == 0) {
                progress.accept("GitHub reviews: " + done + " of " + pulls.size() + " pull requests");
            }
            List<Review> reviews = new ArrayList<>();
            for (JsonNode node : everyPage(repo + "/pulls/" + number + "/reviews", "reviews of #" + number)) {
                reviews.add(GitHubPayloads.review(node, number));
            }
            deliver(sink, new IssueSink.Page(REVIEWS_PREFIX + number, List.of(), List.of(), List.of(), reviews,
                    List.of(), number, null, null));
        }
    }

    /** Every comment of item {@code number}, from its own listing. */
    private List<Comment> ownComments(int number, String repo) throws SourceException {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode node : everyPage(repo + "/issues/" + number + "/comments", "comments of #" + number)) {
            comments.add(GitHubPayloads.comment(node));
        }
        return comments;
    }

    /** Every element of one item's listing {@code path}, all its pages; {@code what} names it in errors. */
    private List<JsonNode> everyPage(String path, String what) throws SourceException {
        List<JsonNode> nodes = new ArrayList<>();
        Optional<URI> next = Optional.of(URI.create(apiUrl + path + "?per_page=" + PER_PAGE));
        PageTrail trail = new PageTrail("GitHub", what, false);
        while (next.isPresent()) {
            trail.visit(next.get());
            GitHubHttp.Page page = http.page(next.get());
            page.items().forEach(nodes::add);
            next = trail.next(page.next(), page.items().size());
        }
        return nodes;
    }

    /** Looks the repository up through hub4j: a missing one or a refused token ends the run here. */
    private void lookUpRepository() throws SourceException {
        try {
            GitHubBuilder builder = new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    .withConnector(http)
                    // our connector already waited out limits: one reaching the library is final
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
            if (token != null) {
                // not withOAuthToken: with a token and no login, hub4j fetches /user on build,
                // a wasted request on every run (and a 403 for GitHub App installation tokens)
                String authorization = "token " + token;
                builder.withAuthorizationProvider(() -> authorization);
            }
            GitHub github = builder.build();
            github.getRepository(ownerRepo);
        } catch (IOException | GHException e) {
            throw translate(e);
        }
    }

    /** The stored ETag's value when it was given for exactly this request, else null. */
    private static String ifNoneMatch(IssueSink.Etag stored, URI request) {
        return stored != null && stored.url().equals(request.toString()) ? stored.value() : null;
    }

    // The first page's ETag is kept only when that page was the whole answer and not full: then
    // any change (an item updated since, an edit, a deletion) must change that very page. A full
    // page could stay the same while a new item lands on page 2.
    // Gives the cursor reached and, of an issue listing, the numbers of the items with comments.
    private Listed oldestFirst(String stream, boolean issueListing, String pathAndQuery, Instant since,
                               IssueSink.Etag stored, IssueSink sink) throws SourceException {
        return oldestFirst(stream, issueListing, pathAndQuery, since, stored, sink, null, null);
    }

    /**
     * The items of an open-only store's rerun listing whose earlier comments it lacks: not held,
     * with comments, created before {@code commentsFrom} (the comments of a later one are all in
     * the comment listing from there).
     */
    private record Unheld(Set<Integer> held, Instant commentsFrom) {
        boolean lacksComments(Issue issue, JsonNode node) {
            return node.path("comments").asInt(0) > 0 && !held.contains(issue.number())
                    && (commentsFrom == null || issue.createdAt().isBefore(commentsFrom));
        }
    }

    // With {@code unheld} (an issue listing): an item whose earlier comments the store lacks is
    // stored with all its comments, from its own listing, in its page's transaction.
    private Listed oldestFirst(String stream, boolean issueListing, String pathAndQuery, Instant since,
                               IssueSink.Etag stored, IssueSink sink, Unheld unheld, String repo)
            throws SourceException {
        URI first = URI.create(apiUrl + pathAndQuery
                + (since == null ? "" : "&since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)));
        Optional<URI> next = Optional.of(first);
        Instant cursor = since;
        boolean firstPage = true;
        int pages = 0;
        int items = 0;
        Instant newest = null;
        Set<Integer> commented = new TreeSet<>();
        PageTrail trail = new PageTrail("GitHub", stream, issueListing);
        while (next.isPresent()) {
            if (pages > 0 && pages % PROGRESS_PAGES == 0) {
                progress.accept("GitHub " + stream + ": " + items + " read");
            }
            trail.visit(next.get());
            GitHubHttp.Page page = http.page(next.get(), firstPage ? ifNoneMatch(stored, first) : null);
            if (page.notModified()) {
                return new Listed(newest, commented);
            }
            List<Issue> issues = new ArrayList<>();
            List<Comment> comments = new ArrayList<>();
            for (JsonNode node : page.items()) {
                Instant updated;
                if (issueListing) {
                    Issue issue = GitHubPayloads.issue(node, false);
                    issues.add(issue);
                    if (node.path("comments").asInt(0) > 0) {
                        commented.add(issue.number());
                    }
                    if (unheld != null && unheld.lacksComments(issue, node)) {
                        comments.addAll(ownComments(issue.number(), repo));
                    }
                    trail.number(issue.number());
                    updated = issue.updatedAt();
                } else {
                    Comment comment = GitHubPayloads.comment(node);
                    comments.add(comment);
                    updated = comment.updatedAt();
                }
                cursor = cursor == null || updated.isAfter(cursor) ? updated : cursor;
                newest = newest == null || updated.isAfter(newest) ? updated : newest;
            }
            pages++;
            items += page.items().size();
            next = trail.next(page.next(), page.items().size());
            IssueSink.Etag etag = firstPage && next.isEmpty() && page.items().size() < PER_PAGE
                    ? page.etag().map(value -> new IssueSink.Etag(first.toString(), value)).orElse(null) : null;
            if (!issues.isEmpty() || !comments.isEmpty() || etag != null) {
                deliver(sink, IssueSink.Page.of(stream, issues, comments, List.of(), List.of(), cursor).withEtag(etag));
            }
            firstPage = false;
        }
        return new Listed(newest, commented);
    }

    /**
     * What an oldest-first listing saw: the newest update (null: none) and the items whose
     * payload counts comments.
     */
    private record Listed(Instant newest, Set<Integer> commented) {
    }

    // Pull listings have no `since`: read newest first and stop at the first one older than the
    // cursor. The cursor moves only with the last page, so a run stopped midway rereads them all.
    // The first page's ETag is kept with that cursor: any update moves a pull to the first page,
    // so an unchanged first page means nothing new, however many pages there are.
    private void pulls(String stream, String state, String repo, Instant since, IssueSink.Etag stored, IssueSink sink)
            throws SourceException {
        URI first = URI.create(apiUrl + repo + "/pulls?state=" + state + "&sort=updated&direction=desc&per_page="
                + PER_PAGE);
        Optional<URI> next = Optional.of(first);
        Instant newest = null;
        IssueSink.Etag etag = null;
        boolean firstPage = true;
        PageTrail trail = new PageTrail("GitHub", stream, true);
        while (next.isPresent()) {
            trail.visit(next.get());
            GitHubHttp.Page page = http.page(next.get(), firstPage ? ifNoneMatch(stored, first) : null);
            if (page.notModified()) {
                return;
            }
            if (firstPage) {
                etag = page.etag().map(value -> new IssueSink.Etag(first.toString(), value)).orElse(null);
                firstPage = false;
            }
            List<Issue> pulls = new ArrayList<>();
            boolean reachedCursor = false;
            for (JsonNode node : page.items()) {
                Issue pull = GitHubPayloads.issue(node, true);
                trail.number(pull.number());
                if (since != null && pull.updatedAt().isBefore(since)) {
                    reachedCursor = true;
                    break;
                }
                pulls.add(pull);
                newest = newest == null || pull.updatedAt().isAfter(newest) ? pull.updatedAt() : newest;
            }
            next = reachedCursor ? Optional.empty() : trail.next(page.next(), page.items().size());
            Instant cursor = next.isPresent() || newest == null ? null : newest;
            IssueSink.Etag kept = next.isPresent() ? null : etag;
            if (!pulls.isEmpty() || cursor != null || kept != null) {
                deliver(sink, new IssueSink.Page(stream, List.of(), pulls, List.of(), List.of(), List.of(), null,
                        cursor, kept));
            }
        }
    }

    private static void deliver(IssueSink sink, IssueSink.Page page) {
        try {
            sink.page(page);
        } catch (Exception e) {
            throw new IssueSinkFailure(e);
        }
    }

    private SourceException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GitHubHttp.GitHubFault fault) {
                return fault.source();
            }
        }
        return new SourceException("GitHub's answer for " + ownerRepo + " could not be read ("
                + e.getClass().getSimpleName() + ")", e);
    }
}
