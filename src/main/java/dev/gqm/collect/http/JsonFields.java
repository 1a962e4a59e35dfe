package dev.gqm.collect.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.SourceException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the numbers and times of a tracker's JSON records; a missing or unreadable one is the
 * server's fault (exit 3), named as {@code sender} sent it.
 */
public final class JsonFields {
    private final String sender;

    /** @param sender the source as messages name it ("GitHub") */
    public JsonFields(String sender) {
        this.sender = sender;
    }

    public long number(JsonNode node, String field) throws SourceException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw malformed("an item has no numeric " + field);
        }
        return value.asLong();
    }

    public Instant required(JsonNode node, String field) throws SourceException {
        Instant value = optional(node, field);
        if (value == null) {
            throw malformed("item " + node.path("id").asText() + " has no " + field);
        }
        return value;
    }

    /** An ISO-8601 time with its offset ("Z" or "+02:00"); null when absent, null or empty. */
    public Instant optional(JsonNode node, String field) throws SourceException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText("").isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("item " + node.path("id").asText() + " has an unreadable " + field);
        }
    }

    public SourceException malformed(String what) {
        return new SourceException(sender + " sent malformed JSON: " + what);
    }
}
