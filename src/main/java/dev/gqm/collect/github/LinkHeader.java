package dev.gqm.collect.github;

import java.net.URI;
import java.util.Optional;

/** Reads the {@code rel="next"} address of an HTTP {@code Link} header (RFC 8288), as GitHub pages. */
final class LinkHeader {
    private LinkHeader() {
    }

    static Optional<URI> next(String header) {
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String target = pieces[0].strip();
            if (!target.startsWith("<") || !target.endsWith(">")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].strip().replace(" ", "");
                if (param.equals("rel=\"next\"") || param.equals("rel=next")) {
                    return Optional.of(URI.create(target.substring(1, target.length() - 1)));
                }
            }
        }
        return Optional.empty();
    }
}
