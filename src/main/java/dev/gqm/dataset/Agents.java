package dev.gqm.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells AI coding agents from people: like bots they are not people, but a layer of their own, so
 * that a report can say how much of the work they did.
 *
 * <p>An account is an agent when its e-mail is one that only an agent writes ({@code
 * noreply@anthropic.com} in Claude's {@code Co-authored-by:} lines, {@code cursoragent@cursor.com},
 * ...), when its name, login or GitHub no-reply login is one of the agents' accounts below, when
 * its name ends with {@code " (aider)"} (aider's attribution of its own commits), or when a pattern
 * of the identities file's {@code agents} finds a match in the name or the e-mail/login. Names that
 * people also carry ({@code Claude}, {@code Devin}) count only in an agent's own form: the
 * address, or the {@code [bot]} login of its GitHub App.
 */
public final class Agents {
    private static final String AIDER_SUFFIX = " (aider)";

    /**
     * Lower-case handles that no person carries: matched as a name, a login or a GitHub no-reply
     * login, with or without {@code [bot]}.
     */
    private static final Set<String> HANDLES = Set.of(
            "copilot", "copilot-swe-agent", "copilot-pull-request-reviewer", "cursoragent", "cursor agent",
            "devin-ai-integration", "chatgpt-codex-connector", "google-labs-jules", "gemini-code-assist",
            "amazon-q-developer", "sweep-ai", "coderabbitai", "sourcery-ai", "openhands-agent");

    /** GitHub App logins whose name without {@code [bot]} a person may well have. */
    private static final Set<String> APP_LOGINS = Set.of("claude[bot]", "cursor[bot]");

    /** Whole addresses that only agents write. */
    private static final Set<String> EMAILS = Set.of(
            "noreply@anthropic.com", "noreply@pi.dev", "cursoragent@cursor.com", "noreply@openai.com",
            "aider@aider.chat", "openhands@all-hands.dev", "amp@ampcode.com");

    private Agents() {}

    /**
     * Whether the account is an AI coding agent.
     *
     * @param name         the display name (may be empty)
     * @param emailOrLogin an e-mail address or a login (may be empty)
     * @param extra        the identities file's {@code agents} patterns, matched with {@code find()}
     */
    public static boolean isAgent(String name, String emailOrLogin, List<Pattern> extra) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        String id = emailOrLogin == null ? "" : emailOrLogin.trim().toLowerCase(Locale.ROOT);
        if (EMAILS.contains(id) || n.endsWith(AIDER_SUFFIX) || isAgentHandle(n) || isAgentHandle(Bots.account(id))) {
            return true;
        }
        for (Pattern p : extra) {
            if (p.matcher(name == null ? "" : name.trim()).find()
                    || p.matcher(emailOrLogin == null ? "" : emailOrLogin.trim()).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAgentHandle(String lower) {
        if (APP_LOGINS.contains(lower)) {
            return true;
        }
        String handle = lower.endsWith("[bot]") ? lower.substring(0, lower.length() - "[bot]".length()) : lower;
        return HANDLES.contains(handle);
    }
}
