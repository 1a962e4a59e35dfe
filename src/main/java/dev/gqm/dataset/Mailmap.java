package dev.gqm.dataset;

import dev.gqm.collect.Signature;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed {@code .mailmap} that maps commit signatures to canonical ones the way
 * {@code git check-mailmap} does.
 *
 * <p>The four forms of gitmailmap(5) are supported:
 * <pre>
 * Proper Name &lt;commit@email&gt;                              name for that e-mail
 * &lt;proper@email&gt; &lt;commit@email&gt;                           e-mail for that e-mail
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;               both for that e-mail
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;   both, only when name and e-mail match
 * </pre>
 * Git's own parser is followed to the letter, including its quirks: only a line whose first
 * character is {@code #} is a comment; text after the last {@code >} is ignored unless it holds
 * another {@code <...>}; e-mails are taken verbatim between the brackets (not trimmed); e-mails and
 * names compare ASCII-case-insensitively. For one commit e-mail, simple entries merge field by
 * field (a later line replaces only what it gives), an entry that also names the commit name wins
 * over the simple one when the name matches, and the last of two identical entries wins.
 */
public final class Mailmap {
    private static final Mailmap EMPTY = new Mailmap(Map.of(), 0);

    /** What to put in place of a commit's name and/or e-mail; {@code null} keeps the commit's. */
    private static final class Replacement {
        String name;
        String email;

        Replacement(String name, String email) {
            this.name = name;
            this.email = email;
        }
    }

    /** Everything known about one commit e-mail: its simple replacement and the per-name ones. */
    private static final class EmailEntry {
        final Replacement simple = new Replacement(null, null);
        final Map<String, Replacement> byCommitName = new HashMap<>();
    }

    private final Map<String, EmailEntry> byCommitEmail;
    private final int skippedLines;

    private Mailmap(Map<String, EmailEntry> byCommitEmail, int skippedLines) {
        this.byCommitEmail = byCommitEmail;
        this.skippedLines = skippedLines;
    }

    /** A mailmap that maps nothing (a repository without {@code .mailmap}). */
    public static Mailmap empty() {
        return EMPTY;
    }

    /** Parses the text of a {@code .mailmap}; lines git would ignore are skipped and counted. */
    public static Mailmap parse(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        Map<String, EmailEntry> entries = new HashMap<>();
        int skipped = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.charAt(0) == '#' || isBlank(line)) {
                continue;
            }
            if (!addLine(entries, line)) {
                skipped++;
            }
        }
        return new Mailmap(entries, skipped);
    }

    /** Lines that were neither blank, nor comments, nor a usable mapping (no non-empty {@code <e-mail>}). */
    public int skippedLines() {
        return skippedLines;
    }

    /** The canonical signature for {@code s}; {@code s} itself when no entry applies. */
    public Signature map(Signature s) {
        EmailEntry entry = byCommitEmail.get(asciiLower(s.email()));
        if (entry == null) {
            return s;
        }
        Replacement replacement = entry.simple;
        if (!entry.byCommitName.isEmpty()) {
            Replacement byName = entry.byCommitName.get(asciiLower(s.name()));
            if (byName != null) {
                replacement = byName;
            }
        }
        if (replacement.name == null && replacement.email == null) {
            return s;
        }
        return new Signature(
                replacement.name != null ? replacement.name : s.name(),
                replacement.email != null ? replacement.email : s.email());
    }

    /** One parsed {@code name <email>} pair and where parsing stopped; name is null when empty. */
    private record Pair(String name, String email, int end) {}

    private static boolean addLine(Map<String, EmailEntry> entries, String line) {
        Pair first = parsePair(line, 0, false);
        if (first == null) {
            return false;
        }
        // Like git, a second pair is only looked for when something follows the first '>'.
        Pair second = first.end() < line.length() ? parsePair(line, first.end(), true) : null;
        String newName = first.name();
        String newEmail = first.email();
        String oldName = null;
        String oldEmail;
        if (second == null) {
            oldEmail = newEmail;
            newEmail = null;
        } else {
            oldName = second.name();
            oldEmail = second.email();
        }
        EmailEntry entry = entries.computeIfAbsent(asciiLower(oldEmail), k -> new EmailEntry());
        if (oldName == null) {
            if (newName != null) {
                entry.simple.name = newName;
            }
            if (newEmail != null) {
                entry.simple.email = newEmail;
            }
        } else {
            entry.byCommitName.put(asciiLower(oldName), new Replacement(newName, newEmail));
        }
        return true;
    }

    /** Parses {@code [name] <email>} starting at {@code from}, as git's parse_name_and_email does. */
    private static Pair parsePair(String line, int from, boolean allowEmptyEmail) {
        int left = line.indexOf('<', from);
        if (left < 0) {
            return null;
        }
        int right = line.indexOf('>', left + 1);
        if (right < 0 || (!allowEmptyEmail && right == left + 1)) {
            return null;
        }
        int start = from;
        int end = left;
        while (start < end && isGitSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isGitSpace(line.charAt(end - 1))) {
            end--;
        }
        String name = start < end ? line.substring(start, end) : null;
        return new Pair(name, line.substring(left + 1, right), right + 1);
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isGitSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Git's isspace() knows only these four; Java's isWhitespace would accept more.
    private static boolean isGitSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // Git compares with strcasecmp: ASCII letters only, so "É" and "é" stay different.
    static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
