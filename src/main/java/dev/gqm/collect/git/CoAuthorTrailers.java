package dev.gqm.collect.git;

import dev.gqm.collect.Signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Co-authored-by: Name <email>} lines from a commit message. Lines are accepted
 * anywhere in the message, not only in the final trailer block, because squash merges often
 * leave them in the middle of the text. Each match stays on one line, so a bare
 * {@code Co-authored-by:} never borrows the name on the next line.
 */
public final class CoAuthorTrailers {
    private static final Pattern LINE = Pattern.compile(
            "^[ \\t]*Co-authored-by:[ \\t]*(.*?)[ \\t]*<([^>\\n]*)>[ \\t\\r]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static final byte[] KEY = "co-authored-by:".getBytes(StandardCharsets.US_ASCII);
    /** What an e-mail address needs to be one: something, an {@code @}, a domain; no spaces. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private CoAuthorTrailers() {
    }

    /** The co-authors in the order they appear; a line without {@code <email>} is ignored. */
    public static List<Signature> parse(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        List<Signature> found = new ArrayList<>(1);
        Matcher m = LINE.matcher(message);
        while (m.find()) {
            String email = m.group(2).strip();
            // "<>" or "<not-an-email>" names nobody: such a line would count a made-up person
            if (ADDRESS.matcher(email).matches()) {
                found.add(new Signature(m.group(1), email));
            }
        }
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /**
     * Cheap pre-check on raw commit bytes: false means {@link #parse} would find nothing, so the
     * walk can skip decoding the message of almost every commit.
     */
    static boolean mayContain(byte[] raw, int from) {
        // Boyer-Moore-Horspool, case-folded: look at the byte where the key's final ':' would be
        // and jump by how far that byte allows (15 for a space or any byte not in the key), so a
        // message is read a few bytes out of every ten instead of byte by byte.
        int last = KEY.length - 1;
        for (int end = Math.max(0, from) + last; end < raw.length; end += SHIFT[raw[end] & 0xff]) {
            if (raw[end] != ':') {
                continue;
            }
            int start = end - last;
            int k = 0;
            while (k < last) {
                byte b = raw[start + k];
                // Only letters are folded: '-' must match exactly.
                byte folded = (b >= 'A' && b <= 'Z') ? (byte) (b | 0x20) : b;
                if (folded != KEY[k]) {
                    break;
                }
                k++;
            }
            if (k == last) {
                return true;
            }
        }
        return false;
    }

    /** For each byte seen at the key's last position, how far the key may move on. */
    private static final int[] SHIFT = shifts();

    private static int[] shifts() {
        int[] shift = new int[256];
        Arrays.fill(shift, KEY.length);
        for (int i = 0; i < KEY.length - 1; i++) {
            int b = KEY[i] & 0xff;
            shift[b] = KEY.length - 1 - i;
            if (b >= 'a' && b <= 'z') {
                shift[b - 0x20] = KEY.length - 1 - i;
            }
        }
        return shift;
    }
}
