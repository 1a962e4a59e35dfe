package dev.gqm.bench;

import dev.gqm.collect.gitlab.FakeGitLab;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic GitLab project for counting requests (never for timing): {@code issues} issues and
 * {@code mergeRequests} merge requests, item n created at T0 + n h, with {@code notesPerItem}
 * notes a minute apart (every third a system note) and updated a minute after the last; every
 * third issue closed and every second merge request merged, each with its state event.
 */
public final class SyntheticGitLab implements AutoCloseable {
    private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");
    private final FakeGitLab gitlab;
    private int touched;

    public SyntheticGitLab(String project, int issues, int mergeRequests, int notesPerItem) throws IOException {
        gitlab = new FakeGitLab(project);
        for (int n = 1; n <= issues + mergeRequests; n++) {
            boolean mr = n > issues;
            int iid = mr ? n - issues : n;
            Instant created = T0.plusSeconds(3600L * n);
            Instant updated = created.plusSeconds(60L * (notesPerItem + 1));
            String kind = mr ? "merge_requests/" : "issues/";
            boolean ends = mr ? iid % 2 == 0 : iid % 3 == 0;
            gitlab.addItem(mr, iid, "user" + (n % 500), false, created.toString(), updated.toString(),
                    ends && !mr ? updated.toString() : null, ends && mr ? updated.toString() : null);
            for (int k = 1; k <= notesPerItem; k++) {
                gitlab.addNote(kind + iid, "user" + ((n + k) % 500), false, created.plusSeconds(60L * k).toString(),
                        k % 3 == 0, null, k % 3 == 0 ? "added 1 commit" : "note " + k);
            }
            if (ends) {
                gitlab.addStateEvent(kind + iid, "user" + (n % 500), updated.toString(), mr ? "merged" : "closed");
            }
        }
    }

    public String url() {
        return gitlab.url();
    }

    /**
     * The requests since the last call, by what they asked for; a request sent again after a
     * dropped connection (the transport's retry, which a loaded machine can cause) counts once,
     * so that the figures are the collector's own.
     */
    public Map<String, Long> stats() {
        Map<String, Long> stats = new TreeMap<>();
        synchronized (gitlab.requests) {
            java.util.Set<String> distinct = new java.util.LinkedHashSet<>(gitlab.requests);
            for (String request : distinct) {
                String path = request.split("\\?")[0];
                String what = path.endsWith("/issues") ? "issues" : path.endsWith("/merge_requests") ? "merge_requests"
                        : path.endsWith("/discussions") ? "discussions"
                        : path.endsWith("/resource_state_events") ? "state_events" : "other";
                stats.merge(what, 1L, Long::sum);
            }
            stats.put("total", (long) distinct.size());
            gitlab.requests.clear();
        }
        return stats;
    }

    /** The first {@code count} issues each get a comment, a minute apart after every update so far. */
    public synchronized void touch(int count) {
        Instant after = java.util.stream.Stream.concat(gitlab.issues.stream(), gitlab.mergeRequests.stream())
                .map(i -> Instant.parse(i.get("updated_at").asText())).max(Instant::compareTo).orElse(T0);
        for (int i = 0; i < count; i++) {
            Instant at = after.plusSeconds(60L * (i + 1));
            int iid = gitlab.issues.get(i).get("iid").asInt();
            gitlab.addNote("issues/" + iid, "toucher" + touched++, false, at.toString(), false, null, "still happening");
            gitlab.issues.get(i).put("updated_at", at.toString());
        }
    }

    @Override
    public void close() {
        gitlab.close();
    }
}
