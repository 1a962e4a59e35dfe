package dev.gqm.cli;

import dev.gqm.dataset.AliasCandidates;
import dev.gqm.dataset.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Alias candidates as an identities-file fragment for a person to review: a {@code people:} list
 * whose entries are all commented out, so that the text as printed is valid YAML that merges no
 * one. Each entry says why its identities look like one person and how many commits each has.
 */
final class IdentitiesFragment {
    private static final Pattern PLAIN_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");

    private IdentitiesFragment() {
    }

    static String render(List<AliasCandidates.Group> groups) {
        if (groups.isEmpty()) {
            return "# No identities look like one person (the same full name or GitHub no-reply id): nothing to suggest.\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("# ").append(groups.size()).append(groups.size() == 1
                        ? " group of identities looks like one person but is not merged.\n"
                        : " groups of identities look like one person each but are not merged.\n")
                .append("# Nothing is merged: review each entry, uncomment those that are right (remove the \"# \"\n")
                .append("# after the indentation) and keep them in the identities file you give with --identities.\n")
                .append("people:\n");
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            entry(out, groups.get(i));
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, AliasCandidates.Group g) {
        out.append("  # ").append(why(g)).append(": ").append(g.identities().size()).append(" identities, ")
                .append(commits(g.commits())).append('\n');
        for (AliasCandidates.Seen s : g.identities()) {
            Person p = s.person();
            out.append("  #   ").append(p.email().isEmpty() ? p.name() + " (no e-mail)" : p.email()).append(": ")
                    .append(commits(s.commits())).append(" as ")
                    .append(s.names().stream().map(n -> quoted(n.text())).collect(Collectors.joining(", ")));
            if (p.key().startsWith("id:")) {
                out.append(" (already in the identities file: add the others to that entry)");
            }
            out.append('\n');
        }
        List<AliasCandidates.Spelling> names = g.names();
        String name = names.get(0).text();
        out.append("  # - name: ").append(quoted(name)).append('\n');
        List<String> emails = g.emails().stream().map(e -> email(e.text())).toList();
        if (emails.isEmpty()) {
            out.append("  #   emails: []   # no e-mail seen: an entry needs one\n");
        } else {
            out.append("  #   emails: [").append(String.join(", ", emails)).append("]\n");
        }
        List<String> others = new ArrayList<>();
        for (AliasCandidates.Spelling n : names.subList(1, names.size())) {
            // the identities file compares names without case: one spelling of each is enough
            String lower = n.text().toLowerCase(Locale.ROOT);
            if (!lower.equals(name.toLowerCase(Locale.ROOT))
                    && others.stream().noneMatch(o -> o.toLowerCase(Locale.ROOT).equals(lower))) {
                others.add(n.text());
            }
        }
        if (!others.isEmpty()) {
            out.append("  #   names: [").append(others.stream().map(IdentitiesFragment::quoted)
                    .collect(Collectors.joining(", "))).append("]\n");
        }
    }

    private static String why(AliasCandidates.Group g) {
        List<String> reasons = new ArrayList<>();
        if (!g.sameNames().isEmpty()) {
            reasons.add("the same full name " + g.sameNames().stream().map(IdentitiesFragment::quoted)
                    .collect(Collectors.joining(", ")));
        }
        if (!g.sameNoReplyIds().isEmpty()) {
            reasons.add("the same GitHub no-reply id " + String.join(", ", g.sameNoReplyIds()));
        }
        return String.join(" and ", reasons);
    }

    private static String commits(int n) {
        return n + (n == 1 ? " commit" : " commits");
    }

    private static String email(String email) {
        return PLAIN_EMAIL.matcher(email).matches() ? email : quoted(email);
    }

    /** A YAML double-quoted scalar. */
    static String quoted(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
