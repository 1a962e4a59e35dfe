package dev.gqm.collect.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gqm.collect.SourceException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of a source's JSON records, a missing or unreadable one being the server's
 * fault: "{sender} sent malformed JSON: …" (exit 3).
 */
public final class JsonFields {
    private final String sender;

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

    /** An int field (an item number); a value beyond int is as malformed as a missing one. */
    public int integer(JsonNode node, String field) throws SourceException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed("an item has no numeric " + field);
        }
        return value.asInt();
    }

    public Instant required(JsonNode node, String field) throws SourceException {
        Instant value = optional(node, field);
        if (value == null) {
            throw malformed("item " + node.path("id").asText() + " has no " + field);
        }
        return value;
    }

    /** An ISO-8601 instant, or null when the field is missing or null. */
    public Instant optional(JsonNode node, String field) throws SourceException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw malformed("item " + node.path("id").asText() + " has an unreadable " + field);
        }
    }

    public SourceException malformed(String what) {
        return new SourceException(sender + " sent malformed JSON: " + what);
    }
}
