package dev.gqm.collect;

/** A GitHub account as named in a payload: its login and its type ("User", "Bot", "Organization"). */
public record Actor(String login, String type) {
    public Actor {
        login = login == null ? "" : login;
        type = type == null ? "" : type;
    }

    /** True for GitHub App accounts: type "Bot" or a login ending in "[bot]". */
    public boolean bot() {
        return "Bot".equals(type) || login.endsWith("[bot]");
    }
}
