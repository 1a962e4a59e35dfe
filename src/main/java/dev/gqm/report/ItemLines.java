package dev.gqm.report;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Direction;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items behind a metric at warn or fail, one line each, as every CI output names them (SPEC §5
 * {@code check}): the first {@value #SHOWN}, then "and N more". An issue or pull request reads
 * {@code #4 "title" https://… — 91 days inactive}; a waiting time lists the items still waiting
 * first ("waiting 11 days"), then the longest answered ("answered after 24.0 h"); a person reads
 * {@code Alice Example — 12 commits}. Lines show only what the result holds, so no e-mail unless
 * the run kept them ({@code --show-emails}).
 */
public final class ItemLines {
    public static final int SHOWN = 10;

    /** What a duration's hours are, per metric: "answered after 24.0 h". */
    private static final Map<String, String> DURATION = Map.of(
            "issue.first_response_time", "answered after ",
            "change.first_review_time", "reviewed after ",
            "issue.resolution_time", "closed after ",
            "change.merge_latency", "merged after ",
            "issue.age", "open for ");

    private ItemLines() {
    }

    /** The lines for {@code metric}: none unless it is at warn or fail and lists items. */
    public static List<String> of(MetricResult metric) {
        List<List<Object>> rows = behind(metric);
        List<String> lines = new ArrayList<>();
        Columns columns = new Columns(metric.items());
        for (List<Object> row : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            lines.add(oneLine(line(metric, columns, row)));
        }
        if (rows.size() > SHOWN) {
            lines.add("and " + (rows.size() - SHOWN) + " more");
        }
        return lines;
    }

    /** How many items stand behind the metric's status (all of them, not only those {@link #of} shows). */
    public static int count(MetricResult metric) {
        return behind(metric).size();
    }

    /**
     * The rows behind the status, those that matter most first. A ratio's items are the ones that
     * pull it the wrong way (not reviewed, not merged, opened and not closed).
     */
    private static List<List<Object>> behind(MetricResult m) {
        Items items = m.items();
        if ((m.status() != Status.WARN && m.status() != Status.FAIL) || items == null || items.isEmpty()) {
            return List.of();
        }
        Columns c = new Columns(items);
        List<List<Object>> rows = new ArrayList<>();
        String against = m.better() == Direction.LOWER ? "yes" : "no";
        for (List<Object> row : items.rows()) {
            if (c.has("counted") && !against.equals(c.text(row, "counted"))) {
                continue;
            }
            if (c.has("closed_in_window") && !("yes".equals(c.text(row, "opened_in_window"))
                    && "no".equals(c.text(row, "closed_in_window")))) {
                continue;
            }
            rows.add(row);
        }
        // stable sorts: equal keys keep the metric's own order
        if (c.has("waiting_days")) {
            rows.sort(Comparator.<List<Object>, Boolean>comparing(r -> c.number(r, "waiting_days") == null)
                    .thenComparing(descending(c, "waiting_days")).thenComparing(descending(c, "hours")));
        } else if (c.has("inactive_days")) {
            rows.sort(descending(c, "inactive_days"));
        } else if (c.has("hours")) {
            rows.sort(descending(c, "hours"));
        }
        return rows;
    }

    private static Comparator<List<Object>> descending(Columns c, String column) {
        return Comparator.comparingDouble((List<Object> r) -> {
            Double d = c.number(r, column);
            return d == null ? Double.NEGATIVE_INFINITY : d;
        }).reversed();
    }

    private static String line(MetricResult m, Columns c, List<Object> row) {
        String label = label(c, row);
        List<String> details = details(m, c, row);
        return details.isEmpty() ? label : label + " — " + String.join(", ", details);
    }

    private static String label(Columns c, List<Object> row) {
        if (c.has("number")) {
            StringBuilder s = new StringBuilder("#").append(c.text(row, "number"));
            String title = c.text(row, "title");
            if (!title.isBlank()) {
                s.append(" \"").append(title.strip()).append('"');
            }
            String link = c.link == null ? "" : c.text(row, c.link);
            if (!link.isBlank()) {
                s.append(' ').append(link.strip());
            }
            return s.toString();
        }
        if (c.has("tag")) {
            return c.text(row, "tag");
        }
        if (c.has("commit") && c.has("author")) {
            String sha = c.text(row, "commit");
            return (sha.length() > 12 ? sha.substring(0, 12) : sha) + " by " + person(c, row, "author");
        }
        if (c.has("person")) {
            return person(c, row, "person");
        }
        if (c.has("organization")) {
            return c.text(row, "organization");
        }
        return c.text(row, c.names.get(0));
    }

    /** The name, with the address when the run kept it; never an empty label. */
    private static String person(Columns c, List<Object> row, String column) {
        String name = c.text(row, column).strip();
        String email = c.has("email") ? c.text(row, "email").strip() : "";
        if (name.isEmpty()) {
            return email.isEmpty() ? Privacy.NO_NAME : "<" + email + ">";
        }
        return email.isEmpty() ? name : name + " <" + email + ">";
    }

    private static List<String> details(MetricResult m, Columns c, List<Object> row) {
        List<String> details = new ArrayList<>();
        Double inactive = c.number(row, "inactive_days");
        Double waiting = c.number(row, "waiting_days");
        Double closedUnanswered = c.number(row, "closed_unanswered_days");
        Double hours = c.number(row, "hours");
        if (inactive != null) {
            details.add(days(inactive) + " inactive");
        }
        if (waiting != null) {
            details.add("waiting " + days(waiting));
        } else if (closedUnanswered != null) {
            // it stopped waiting without its answer: closed (or merged) after this long
            details.add((m.use().metric().startsWith("change.") ? "closed unreviewed after " : "closed unanswered after ")
                    + days(closedUnanswered));
        } else if (hours != null) {
            details.add(DURATION.getOrDefault(m.use().metric(), "took ") + HumanFormat.value(hours, Unit.HOURS));
        }
        Double commits = c.number(row, "commits");
        if (commits != null) {
            Double share = c.number(row, "share");
            details.add(count(commits, "commit") + (share == null ? "" : " (" + HumanFormat.value(share, Unit.RATIO) + " of all)"));
        }
        date(c, row, "first_contribution", "first contribution ").ifPresent(details::add);
        date(c, row, "last_contribution", "last contribution ").ifPresent(details::add);
        date(c, row, "authored_at", "authored ").ifPresent(details::add);
        date(c, row, "date", "tagged ").ifPresent(details::add);
        if (details.isEmpty() && c.has("number")) {
            date(c, row, "created_at", "opened ").ifPresent(details::add);
        }
        return details;
    }

    private static Optional<String> date(Columns c, List<Object> row, String column, String prefix) {
        return c.instant(row, column).map(at -> prefix + LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static String days(double days) {
        return count(days, "day");
    }

    private static String count(double n, String noun) {
        return ReportedNumber.text(n) + " " + (n == 1 ? noun : noun + "s");
    }

    /** One line: a line break in a title could otherwise start a workflow command on a CI runner. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }

    /** The cells of a row by column name. */
    private static final class Columns {
        final List<String> names;
        final String link;

        Columns(Items items) {
            this.names = items.columns();
            this.link = items.linkColumn() != null && names.contains(items.linkColumn()) ? items.linkColumn() : null;
        }

        boolean has(String column) {
            return names.contains(column);
        }

        Object cell(List<Object> row, String column) {
            int i = names.indexOf(column);
            return i < 0 || i >= row.size() ? null : row.get(i);
        }

        String text(List<Object> row, String column) {
            Object cell = cell(row, column);
            if (cell == null) {
                return "";
            }
            return cell instanceof Number n ? ReportedNumber.text(n) : cell.toString();
        }

        Double number(List<Object> row, String column) {
            return cell(row, column) instanceof Number n ? n.doubleValue() : null;
        }

        Optional<Instant> instant(List<Object> row, String column) {
            return cell(row, column) instanceof Instant at ? Optional.of(at) : Optional.empty();
        }
    }
}
