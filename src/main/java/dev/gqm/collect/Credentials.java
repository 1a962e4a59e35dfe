package dev.gqm.collect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials written into a URL ({@code https://user:SECRET@host/…}, {@code https://TOKEN@host/…},
 * a {@code password=SECRET} or {@code sslpassword=SECRET} parameter as a PostgreSQL store URL takes it) before the URL enters any
 * message, progress line, store key or report. Everything else of the text is left as it is.
 */
public final class Credentials {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s?#]*)@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&\\s]*");

    private Credentials() {
    }

    /** {@code https://user:***@host/…} for a user and password, {@code https://***@host/…} for a lone token. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        if (PASSWORD_PARAMETER.matcher(text).find()) {
            text = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        }
        if (text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String userinfo = m.group(2);
            int colon = userinfo.indexOf(':');
            String shown = colon >= 0 ? userinfo.substring(0, colon) + ":***" : "***";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + shown + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
