package dev.gqm.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells automation accounts from people.
 *
 * <p>An account is a bot when its name or login ends with {@code [bot]} (GitHub Apps), when its
 * name, login or e-mail local part is one of the well-known automation accounts below (with or
 * without {@code [bot]}), or when an extra pattern finds a match in the name or the e-mail/login.
 * GitHub's no-reply addresses carry the login ({@code 12345+dependabot[bot]@users.noreply.github.com}),
 * so the login inside them counts; but {@code noreply@github.com} alone proves nothing: GitHub
 * writes it on commits that people make in the web interface. AI coding agents are automation too,
 * but a layer of their own: {@link Agents}.
 */
public final class Bots {
    private static final String BOT_SUFFIX = "[bot]";
    private static final String GITHUB_NOREPLY_DOMAIN = "@users.noreply.github.com";

    /** Lower-case names, logins and e-mail local parts of automation accounts, without {@code [bot]}. */
    private static final Set<String> KNOWN = Set.of(
            "dependabot", "dependabot-preview", "renovate", "renovate-bot", "renovatebot",
            "github-actions", "github actions", "greenkeeper", "greenkeeperio-bot", "snyk-bot",
            "pre-commit-ci", "codecov", "codecov-io", "codecov-commenter", "imgbot", "imgbotapp",
            "allcontributors", "all-contributors", "mergify", "semantic-release-bot",
            "deepsource-autofix", "deepsource-io", "sonarcloud",
            "sonarqubecloud", "netlify", "vercel", "stale", "k8s-ci-robot", "k8s-triage-robot",
            "openshift-ci-robot", "openshift-ci", "gitlab-bot", "pyup-bot", "pyup.io bot",
            "depfu", "whitesource-bolt-for-github", "mend-bolt-for-github", "lgtm-com",
            "azure-pipelines", "travis-ci", "circleci", "codeclimate", "restyled-io",
            "release-please", "changeset-bot", "changesets", "welcome", "weblate",
            "transifex-integration", "crowdin-bot", "google-cla", "cla-bot", "claassistant",
            "cla-assistant", "linux-foundation-easycla", "facebook-github-bot", "bors", "homu",
            "bors-servo", "mergify-bot", "kodiakhq", "auto-merge-bot", "github-merge-queue",
            "dependabot-bot", "snyk", "github action");

    /** Whole addresses used only by automation, whose local part alone would be too generic. */
    private static final Set<String> KNOWN_EMAILS = Set.of(
            "action@github.com", "actions@github.com", "bot@renovateapp.com",
            "support@dependabot.com",
            // bug trackers' service accounts (Bugzilla logins are addresses)
            "bug-janitor@kde.org", "sysadmin-systems@kde.org", "bugzilla-daemon@kde.org",
            "bugzilla-daemon@mozilla.org", "pulsebot@bmo.tld", "update-bot@bmo.tld",
            "release-mgmt-account-bot@mozilla.tld", "intermittent-bug-filer@mozilla.bugs",
            "wptsync@mozilla.bugs", "orangefactor@bots.tld", "bugzilla-daemon@gnome.org",
            "libreoffice-commits@lists.freedesktop.org", "bugzilla-daemon@freedesktop.org");

    private Bots() {}

    /**
     * Whether the account is a bot.
     *
     * @param name         the display name (may be empty)
     * @param emailOrLogin an e-mail address or a GitHub login (may be empty)
     * @param extra        patterns from the identities file, matched with {@code find()}
     */
    public static boolean isBot(String name, String emailOrLogin, List<Pattern> extra) {
        String n = name == null ? "" : name.trim();
        String id = emailOrLogin == null ? "" : emailOrLogin.trim();
        if (isBotHandle(n) || isBotHandle(account(id))
                || KNOWN_EMAILS.contains(id.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Pattern p : extra) {
            if (p.matcher(n).find() || p.matcher(id).find()) {
                return true;
            }
        }
        return false;
    }

    /** The login or the e-mail's local part, with GitHub's {@code 12345+} no-reply prefix removed. */
    static String account(String emailOrLogin) {
        int at = emailOrLogin.lastIndexOf('@');
        if (at < 0) {
            return emailOrLogin;
        }
        String local = emailOrLogin.substring(0, at);
        if (emailOrLogin.regionMatches(true, at, GITHUB_NOREPLY_DOMAIN, 0, GITHUB_NOREPLY_DOMAIN.length())
                && at + GITHUB_NOREPLY_DOMAIN.length() == emailOrLogin.length()) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(plus + 1);
            }
        }
        return local;
    }

    private static boolean isBotHandle(String handle) {
        if (handle.isEmpty()) {
            return false;
        }
        String lower = handle.toLowerCase(Locale.ROOT);
        if (lower.endsWith(BOT_SUFFIX)) {
            return true;
        }
        return KNOWN.contains(lower);
    }
}
