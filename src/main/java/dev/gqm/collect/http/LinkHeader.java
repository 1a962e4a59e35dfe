package dev.gqm.collect.http;

import dev.gqm.collect.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads the {@code rel="next"} (or another) address of an HTTP {@code Link} header (RFC 8288), as GitHub and GitLab page. */
public final class LinkHeader {
    private LinkHeader() {
    }

    /** The next page's address; a target that is not a URI is the server's fault (exit 3), not ours. */
    public static Optional<URI> next(String header, String sender) throws SourceException {
        return rel(header, "next", sender);
    }

    /** The address the header gives for {@code rel} ("next", "last"). */
    public static Optional<URI> rel(String header, String rel, String sender) throws SourceException {
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String target = pieces[0].strip();
            if (!target.startsWith("<") || !target.endsWith(">")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].strip().replace(" ", "");
                if (param.equals("rel=\"" + rel + "\"") || param.equals("rel=" + rel)) {
                    String address = target.substring(1, target.length() - 1);
                    try {
                        URI uri = new URI(address);
                        if (uri.getScheme() == null || uri.getHost() == null) {
                            throw new URISyntaxException(address, "not an absolute http(s) address");
                        }
                        return Optional.of(uri);
                    } catch (URISyntaxException e) {
                        throw new SourceException(sender + " sent an unreadable " + rel + "-page link in its Link header");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
