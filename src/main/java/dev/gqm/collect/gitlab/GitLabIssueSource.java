package dev.gqm.collect.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.http.HttpTransport;
import dev.gqm.collect.http.PageTrail;
import dev.gqm.collect.http.Sleeper;
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
import java.util.function.Consumer;

/**
 * A GitLab project's issues and merge requests with their notes and resource state events, over
 * REST v4. Each listing is read oldest update first from its cursor ({@code updated_after}); every
 * listing page becomes one sink page together with the notes, reviews and state events of its
 * items (two requests more per item: GitLab keeps no project-wide listing of notes), and the
 * cursor, so a run stopped between pages resumes there and an unchanged item is never asked
 * about again.
 */
public final class GitLabIssueSource implements IssueSource {
    public static final Duration DEFAULT_WAIT_BUDGET = Duration.ofHours(1);
    /** The streams, in the order {@link #collect} reads them. */
    public static final String ISSUES = "issues";
    public static final String MERGE_REQUESTS = "merge_requests";
    static final int PER_PAGE = 100;
    /** Long listings say how far they are every this many pages. */
    static final int PROGRESS_PAGES = 10;

    private final String project;
    private final String api;
    private final GitLabHttp http;
    private final Consumer<String> progress;

    public GitLabIssueSource(String project, String url, String token, Sleeper sleeper, Clock clock,
                             Consumer<String> progress, Duration waitBudget) {
        this(project, url, token, sleeper, clock, progress, waitBudget, HttpTransport.RESPONSE_DEADLINE);
    }

    /** The same, with the deadline for each whole answer (tests shorten it). */
    GitLabIssueSource(String project, String url, String token, Sleeper sleeper, Clock clock,
                      Consumer<String> progress, Duration waitBudget, Duration deadline) {
        if (project == null || !GitLabTracker.PROJECT_PATH.matcher(project).matches()) {
            throw new IllegalArgumentException("not a GitLab project path as GROUP/PROJECT: " + project);
        }
        String base = url.replaceAll("/+$", "");
        URI baseUri = URI.create(base);
        if (baseUri.getScheme() == null || baseUri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL of a GitLab instance: " + url);
        }
        this.project = project;
        this.api = base + "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8);
        this.http = new GitLabHttp(baseUri, project, token == null || token.isBlank() ? null : token, sleeper, clock,
                progress, waitBudget, deadline);
        this.progress = progress;
    }

    @Override
    public String repository() {
        return project;
    }

    @Override
    public int requests() {
        return http.requests();
    }

    @Override
    public int notModified() {
        return 0;
    }

    @Override
    public void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException {
        listing(ISSUES, "/issues", false, cursors.get(ISSUES), sink);
        listing(MERGE_REQUESTS, "/merge_requests", true, cursors.get(MERGE_REQUESTS), sink);
    }

    // GitLab's updated_after may include items updated at the cursor itself: those were stored
    // by the page that set it and are skipped. That holds because a page's cursor never names an
    // instant that items on a later page may still share: while more pages follow, the cursor is
    // the newest update older than the page's newest.
    private void listing(String stream, String path, boolean mergeRequests, Instant since, IssueSink sink)
            throws SourceException {
        Optional<URI> next = Optional.of(URI.create(api + path + "?scope=all&state=all&order_by=updated_at&sort=asc"
                + "&per_page=" + PER_PAGE
                + (since == null ? "" : "&updated_after=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))));
        PageTrail trail = new PageTrail("GitLab", stream, true);
        int pages = 0;
        int read = 0;
        while (next.isPresent()) {
            if (pages > 0 && pages % PROGRESS_PAGES == 0) {
                progress.accept("GitLab " + stream.replace('_', ' ') + ": " + read + " read");
            }
            trail.visit(next.get());
            GitLabHttp.Page page = http.page(next.get());
            pages++;
            List<Issue> items = new ArrayList<>();
            GitLabPayloads.Notes notes = new GitLabPayloads.Notes(new ArrayList<>(), new ArrayList<>());
            List<StateEvent> events = new ArrayList<>();
            for (JsonNode node : page.items()) {
                Issue item = GitLabPayloads.item(node, mergeRequests);
                trail.number(item.number());
                if (since != null && !item.updatedAt().isAfter(since)) {
                    continue;
                }
                items.add(item);
                String itemPath = path + "/" + item.number();
                for (JsonNode discussions : all(itemPath + "/discussions", "notes of " + item.number())) {
                    GitLabPayloads.notes(discussions, item, notes);
                }
                List<StateEvent> recorded = new ArrayList<>();
                for (JsonNode stateEvents : all(itemPath + "/resource_state_events", "state events of "
                        + item.number())) {
                    for (JsonNode event : stateEvents) {
                        GitLabPayloads.stateEvent(event, item).ifPresent(recorded::add);
                    }
                }
                // no state events (closed before GitLab kept them): its "closed"/"reopened" notes
                events.addAll(recorded.isEmpty() ? notes.stateNotes() : recorded);
                notes.stateNotes().clear();
            }
            read += items.size();
            next = trail.next(page.next(), page.items().size());
            Instant cursor = cursor(items, next.isPresent());
            if (!items.isEmpty() || cursor != null) {
                deliver(sink, IssueSink.Page.of(stream, items, notes.comments(), notes.reviews(), events, cursor));
            }
        }
    }

    /** The newest update of a last page; of a page with more to follow, the newest one older than its newest. */
    static Instant cursor(List<Issue> items, boolean morePages) {
        Instant newest = items.stream().map(Issue::updatedAt).max(Instant::compareTo).orElse(null);
        if (newest == null || !morePages) {
            return newest;
        }
        return items.stream().map(Issue::updatedAt).filter(t -> t.isBefore(newest)).max(Instant::compareTo)
                .orElse(null);
    }

    /** Every page of a listing of one item (its discussions or its state events). */
    private List<JsonNode> all(String pathAndQuery, String listing) throws SourceException {
        List<JsonNode> pages = new ArrayList<>();
        Optional<URI> next = Optional.of(URI.create(api + pathAndQuery + "?per_page=" + PER_PAGE));
        PageTrail trail = new PageTrail("GitLab", listing, false);
        while (next.isPresent()) {
            trail.visit(next.get());
            GitLabHttp.Page page = http.page(next.get());
            pages.add(page.items());
            next = trail.next(page.next(), page.items().size());
        }
        return pages;
    }

    private static void deliver(IssueSink sink, IssueSink.Page page) {
        try {
            sink.page(page);
        } catch (Exception e) {
            throw new IssueSinkFailure(e);
        }
    }
}
