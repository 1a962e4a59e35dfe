package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.model.Note;
import dev.gqm.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §6 "Privacy": reports name people but do not publish e-mail addresses. {@link #withoutEmails}
 * is applied to a result once, before any writer sees it: the items lose their {@code email}
 * columns, a person who is their own organization ({@code person:<key>}, where the key may be an
 * address) shows as "Name (individual)", a person without a name as {@value #NO_NAME}, and every
 * address-looking text in cells, notes, samples and warnings becomes {@value #HIDDEN}. The model's
 * own words (titles, questions) are its author's and are shown as written.
 */
public final class Privacy {
    public static final String HIDDEN = "(e-mail hidden)";
    public static final String NO_NAME = "(no name)";
    private static final String INDIVIDUAL = " (individual)";

    /** Item columns that name a person. */
    private static final List<String> NAME_COLUMNS = List.of("person", "author");

    /**
     * An address: a local part, {@code @} (or {@code %40} as in a URL), a domain of dotted labels
     * ending in a letters-only top-level label; "react@18.2.0" is not one.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+(?:@|%40)"
                    + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}(?![\\p{L}\\p{N}-])");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s<>\"']+");
    /** scheme://, the userinfo up to the authority's last '@', the host and what follows it. */
    private static final Pattern AUTHORITY = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)(?:([^/?#]*)@)?([^/?#]*)(.*)",
            Pattern.DOTALL);
    /** git's scp-like form {@code user@host:path}: the user there is never an address. */
    private static final Pattern SCP = Pattern.compile("([^/\\s:@]+@[^/\\s:@]+:)(.*)", Pattern.DOTALL);

    private Privacy() {
    }

    /** The result as reports show it without {@code --show-emails}. */
    public static ModelResult withoutEmails(ModelResult result) {
        List<GoalResult> goals = new ArrayList<>();
        for (GoalResult g : result.goals()) {
            List<QuestionResult> questions = new ArrayList<>();
            for (QuestionResult q : g.questions()) {
                questions.add(new QuestionResult(q.question(), q.status(), q.metrics().stream().map(Privacy::metric).toList()));
            }
            goals.add(new GoalResult(g.goal(), g.status(), questions));
        }
        List<SourceInfo> sources = result.sources().stream()
                .map(s -> s.withTexts(s.kind(), location(s.location()), s.head(), text(s.repository()), s.name(),
                        s.webUrl() == null ? null : location(s.webUrl()), s.where() == null ? null : text(s.where())))
                .toList();
        return new ModelResult(result.model(), result.asOf(), result.generatedAt(), sources, result.status(), goals,
                result.warnings().stream().map(Privacy::text).toList());
    }

    private static MetricResult metric(MetricResult m) {
        Sample s = m.sample();
        Sample sample = s == null ? null
                : new Sample(s.n(), s.observed(), s.censored(), s.numerator(), s.denominator(), text(s.text()));
        List<Note> notes = m.notes().stream().map(n -> new Note(n.code(), text(n.text()))).toList();
        return new MetricResult(m.use(), m.unit(), m.value(), m.status(), text(m.note()), m.series(), items(m.items()),
                sample, m.censored(), notes, text(m.definition()), m.better());
    }

    static Items items(Items items) {
        if (items == null || items.isEmpty()) {
            return items;
        }
        List<String> columns = items.columns();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!isEmailColumn(columns.get(i))) {
                kept.add(i);
            }
        }
        int name = -1;
        for (String candidate : NAME_COLUMNS) {
            if (name < 0) {
                name = columns.indexOf(candidate);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : items.rows()) {
            String person = name < 0 ? null : personName(row.get(name));
            List<Object> cells = new ArrayList<>(kept.size());
            for (int i : kept) {
                Object cell = row.get(i);
                cells.add(i == name ? person : cell instanceof String text ? cell(columns.get(i), text, person) : cell);
            }
            rows.add(cells);
        }
        String link = items.linkColumn() != null && isEmailColumn(items.linkColumn()) ? null : items.linkColumn();
        return new Items(kept.stream().map(columns::get).toList(), rows, link);
    }

    private static boolean isEmailColumn(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals("email") || c.endsWith("_email") || c.equals("e-mail") || c.equals("mail");
    }

    private static String personName(Object cell) {
        String name = cell == null ? "" : text(cell.toString()).strip();
        return name.isEmpty() ? NO_NAME : name;
    }

    private static String cell(String column, String cell, String person) {
        if (cell.startsWith("person:")) {
            return (person != null ? person : NO_NAME) + INDIVIDUAL;
        }
        if (column.equals("organization") && cell.strip().equals(INDIVIDUAL.strip())) {
            // someone without a name who is their own organization
            return NO_NAME + INDIVIDUAL;
        }
        return text(cell);
    }

    /** {@code text} with every address in it replaced by {@value #HIDDEN}; a URL in it as {@link #location}. */
    public static String text(String text) {
        if (text == null || (text.indexOf('@') < 0 && !text.contains("%40"))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            out.append(hide(text.substring(at, url.start()))).append(location(url.group()));
            at = url.end();
        }
        return out.append(hide(text.substring(at))).toString();
    }

    private static String hide(String text) {
        return EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(HIDDEN));
    }

    /**
     * A source's location (a path or a clone URL) without addresses. A URL keeps its structure: its
     * user name stays unless it is an address (then the userinfo is left out, so the URL still
     * works), a password never stays; the user of git's {@code user@host:path} is a login.
     */
    public static String location(String location) {
        if (location == null) {
            return null;
        }
        Matcher url = AUTHORITY.matcher(location);
        if (url.matches()) {
            String userinfo = url.group(2);
            String user = "";
            if (userinfo != null) {
                String name = userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo;
                boolean address = name.contains("@") || name.toLowerCase(Locale.ROOT).contains("%40");
                user = address ? "" : name + "@";
            }
            return url.group(1) + user + url.group(3) + hide(url.group(4));
        }
        Matcher scp = SCP.matcher(location);
        if (scp.matches()) {
            return scp.group(1) + hide(scp.group(2));
        }
        return hide(location);
    }
}
