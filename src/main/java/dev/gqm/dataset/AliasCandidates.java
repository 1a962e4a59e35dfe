package dev.gqm.dataset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People who are likely one person but were not merged: two or more identities (distinct
 * {@link Person#key()}s) that carry the same full name, compared without case, accents,
 * punctuation and extra spaces ("Jane Q. Doe" and "jane q doe"; a single word such as "bob" says
 * too little), or the same GitHub no-reply id ({@code 12345+old@users.noreply.github.com} and
 * {@code 12345+new@users.noreply.github.com}: the number is the account, whatever its login was
 * then). Bots and agents are never candidates. Nothing is merged here: {@code gqm identities
 * suggest} shows the groups for a person to decide.
 */
public final class AliasCandidates {
    private static final Pattern NO_REPLY = Pattern.compile("(\\d+)\\+[^@]+@users\\.noreply\\.github\\.com",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private AliasCandidates() {
    }

    /** A spelling of a name or e-mail and how many commits carry it. */
    public record Spelling(String text, int commits) {
        public Spelling {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One identity as history shows it: the person, the commits they authored or co-authored,
     * and the names and e-mails written for them, most commits first.
     */
    public record Seen(Person person, int commits, List<Spelling> names, List<Spelling> emails) {
        public Seen {
            Objects.requireNonNull(person, "person");
            names = List.copyOf(names);
            emails = List.copyOf(emails);
        }
    }

    /**
     * Identities that look like one person, most commits first, and why: the full names and the
     * no-reply ids they share (each as one of the group wrote it).
     */
    public record Group(List<Seen> identities, List<String> sameNames, List<String> sameNoReplyIds) {
        public Group {
            identities = List.copyOf(identities);
            sameNames = List.copyOf(sameNames);
            sameNoReplyIds = List.copyOf(sameNoReplyIds);
        }

        public int commits() {
            return identities.stream().mapToInt(Seen::commits).sum();
        }

        /** The group's names, most commits first; of equal counts the longer (the fuller name), then in text order. */
        public List<Spelling> names() {
            return merged(identities.stream().flatMap(s -> s.names().stream()).toList(), false,
                    Comparator.comparingInt((Spelling s) -> s.text().length()).reversed());
        }

        /** The group's e-mails (each once, whatever its case), most commits first; of equal counts in text order. */
        public List<Spelling> emails() {
            return merged(identities.stream().flatMap(s -> s.emails().stream()).toList(), true, (a, b) -> 0);
        }
    }

    /** The groups among the identities, the group with most commits first. */
    public static List<Group> find(Collection<Seen> identities) {
        List<Seen> people = identities.stream().filter(s -> !s.person().bot())
                .sorted(Comparator.comparingInt(Seen::commits).reversed().thenComparing((Seen s) -> s.person().key()))
                .toList();
        // each identity's index under each of its full names and no-reply ids
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        Map<String, List<Integer>> byNoReplyId = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Seen s = people.get(i);
            for (Spelling name : s.names()) {
                String normalized = normalizedName(name.text());
                if (normalized != null) {
                    addOnce(byName, normalized, i);
                }
            }
            for (Spelling email : s.emails()) {
                String id = noReplyId(email.text());
                if (id != null) {
                    addOnce(byNoReplyId, id, i);
                }
            }
        }
        int[] parent = new int[people.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        byName.values().forEach(members -> join(parent, members));
        byNoReplyId.values().forEach(members -> join(parent, members));
        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            components.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Integer> members : components.values()) {
            if (members.size() < 2) {
                continue;
            }
            List<Seen> seen = members.stream().map(people::get).toList();
            groups.add(new Group(seen, shared(byName, members, people, true), shared(byNoReplyId, members, people, false)));
        }
        groups.sort(Comparator.comparingInt(Group::commits).reversed()
                .thenComparing((Group g) -> g.identities().get(0).person().key()));
        return groups;
    }

    /**
     * A full name without case, accents, punctuation and extra spaces; null when it has fewer
     * than two words.
     */
    static String normalizedName(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String words = NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return words.indexOf(' ') < 0 ? null : words;
    }

    /** The account number of a GitHub no-reply address {@code 12345+login@users.noreply.github.com}; else null. */
    static String noReplyId(String email) {
        Matcher m = NO_REPLY.matcher(email.strip());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The names or ids under which two or more of the members stand, as the member with most
     * commits wrote them (names) or as they are (ids).
     */
    private static List<String> shared(Map<String, List<Integer>> index, List<Integer> members, List<Seen> people,
                                       boolean names) {
        List<String> out = new ArrayList<>();
        index.forEach((key, holders) -> {
            if (holders.size() >= 2 && members.contains(holders.get(0))) {
                out.add(names ? spelledAs(people.get(holders.get(0)), key) : key);
            }
        });
        return out;
    }

    private static String spelledAs(Seen s, String normalized) {
        return s.names().stream().map(Spelling::text).filter(n -> normalized.equals(normalizedName(n)))
                .findFirst().orElse(normalized);
    }

    private static List<Spelling> merged(List<Spelling> spellings, boolean ignoreCase, Comparator<Spelling> ties) {
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Spelling s : spellings) {
            String key = ignoreCase ? s.text().toLowerCase(Locale.ROOT) : s.text();
            first.putIfAbsent(key, s.text());
            counts.merge(key, s.commits(), Integer::sum);
        }
        return first.entrySet().stream()
                .map(e -> new Spelling(e.getValue(), counts.get(e.getKey())))
                .sorted(Comparator.comparingInt(Spelling::commits).reversed().thenComparing(ties)
                        .thenComparing(Spelling::text))
                .toList();
    }

    private static void addOnce(Map<String, List<Integer>> index, String key, int i) {
        List<Integer> holders = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!holders.contains(i)) {
            holders.add(i);
        }
    }

    private static void join(int[] parent, List<Integer> members) {
        for (int i = 1; i < members.size(); i++) {
            int a = root(parent, members.get(0));
            int b = root(parent, members.get(i));
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
