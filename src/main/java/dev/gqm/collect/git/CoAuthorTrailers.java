package dev.gqm.collect.git;

import dev.gqm.collect.Signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
            found.add(new Signature(m.group(1), m.group(2).strip()));
        }
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /**
     * Cheap pre-check on raw commit bytes: false means {@link #parse} would find nothing, so the
     * walk can skip decoding the message of almost every commit.
     */
    static boolean mayContain(byte[] raw, int from) {
        // look for the key's final ':' (a few per message), then compare the bytes before it:
        // cheaper than testing every byte against the key's first letter
        for (int colon = Math.max(0, from) + KEY.length - 1; colon < raw.length; colon++) {
            if (raw[colon] != ':') {
                continue;
            }
            int start = colon - (KEY.length - 1);
            int k = 0;
            while (k < KEY.length - 1) {
                byte b = raw[start + k];
                // Only letters are folded: '-' must match exactly.
                byte folded = (b >= 'A' && b <= 'Z') ? (byte) (b | 0x20) : b;
                if (folded != KEY[k]) {
                    break;
                }
                k++;
            }
            if (k == KEY.length - 1) {
                return true;
            }
        }
        return false;
    }
}
