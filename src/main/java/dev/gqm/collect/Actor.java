package dev.gqm.collect;

/**
 * An account of a tracker as named in a record: its login (a user name, or for Bugzilla the
 * e-mail login) and its type as the source gives it ("User", "Bot", "Organization"). A source
 * that knows an account is automated gives the type {@value #BOT}.
 */
public record Actor(String login, String type) {
    public static final String BOT = "Bot";

    public Actor {
        login = login == null ? "" : login;
        type = type == null ? "" : type;
    }

    /** True for accounts the source marks as automated, and for logins ending in "[bot]". */
    public boolean bot() {
        return BOT.equals(type) || login.endsWith("[bot]");
    }
}
