package dev.gqm.dataset;

import static dev.gqm.dataset.Person.Kind.AGENT;
import static dev.gqm.dataset.Person.Kind.BOT;
import static dev.gqm.dataset.Person.Kind.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Signature;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {
    private static final PersonEntry ALICE = new PersonEntry("Alice Doe",
            List.of("Alice@Example.com", "alice@users.noreply.github.com"), List.of("adoe"), List.of("alice-gh"),
            null);
    private static final PersonEntry BOB = new PersonEntry("Bob Roe", List.of("bob@gmail.com"), List.of(),
            List.of(), "Roe Consulting");
    private static final IdentitiesFile IDENTITIES = new IdentitiesFile(List.of(ALICE, BOB),
            List.of(Pattern.compile("^ci-robot", Pattern.CASE_INSENSITIVE)), List.of(),
            Map.of("example.com", "Example Corp", "bigco.com", "BigCo"));

    private static Signature sig(String name, String email) {
        return new Signature(name, email);
    }

    @Test
    void identitiesFileMergesTwoEmailsIntoOnePerson() {
        IdentityResolver r = new IdentityResolver(null, IDENTITIES);
        Person work = r.resolve(sig("Alice", "alice@example.com"));
        Person web = r.resolve(sig("alice", "ALICE@users.noreply.github.com"));
        Person expected = new Person("id:alice@example.com", "Alice Doe", "Alice@Example.com", "Example Corp", false, PERSON);
        assertEquals(expected, work);
        assertEquals(expected, web);
        assertEquals(expected, r.resolve(sig("ADOE", "laptop@localhost")), "matched by another name");
        assertEquals(expected, r.resolve(sig("alice doe", "")), "matched by display name, ignoring case");
    }

    @Test
    void mailmapIsAppliedBeforeTheIdentitiesFile() {
        Mailmap mailmap = Mailmap.parse("<alice@example.com> <a.doe@old-job.net>\nCarol <carol@bigco.com>\n");
        IdentityResolver r = new IdentityResolver(mailmap, IDENTITIES);
        assertEquals("id:alice@example.com", r.resolve(sig("A. Doe", "a.doe@old-job.net")).key());
        // the simple mailmap form keeps the commit's e-mail as written; the key is lower-case
        assertEquals(new Person("carol@bigco.com", "Carol", "Carol@BigCo.com", "BigCo", false, PERSON),
                r.resolve(sig("cc", "Carol@BigCo.com")));
    }

    @Test
    void organizationComesFromTheFileThenTheDomainMapThenTheDomain() {
        IdentityResolver r = new IdentityResolver(null, IDENTITIES);
        assertEquals("Roe Consulting", r.resolve(sig("Bob", "bob@gmail.com")).organization(), "identities org");
        assertEquals("BigCo", r.resolve(sig("Dan", "dan@bigco.com")).organization(), "domain map");
        assertEquals("BigCo", r.resolve(sig("Eve", "eve@eng.BigCo.com")).organization(), "parent domain");
        assertEquals("mail.university.edu", r.resolve(sig("Fay", "fay@Mail.University.EDU")).organization(),
                "email domain as is");
    }

    @Test
    void personalMailMakesThePersonTheirOwnOrganization() {
        IdentityResolver r = new IdentityResolver(Mailmap.empty(), null);
        assertEquals("person:gus@gmail.com", r.resolve(sig("Gus", "Gus@GMail.com")).organization());
        assertEquals("person:1+hal@users.noreply.github.com",
                r.resolve(sig("Hal", "1+hal@users.noreply.github.com")).organization());
        Person noEmail = r.resolve(sig("Ivy Lee", ""));
        assertEquals(new Person("name:ivy lee", "Ivy Lee", "", "person:name:ivy lee", false, PERSON), noEmail);
    }

    @Test
    void aDomainMappedExplicitlyBeatsThePersonalList() {
        IdentitiesFile file = new IdentitiesFile(List.of(), List.of(), List.of(), Map.of("github.com", "GitHub", "qq.com", "QQ Team"));
        IdentityResolver r = new IdentityResolver(null, file);
        assertEquals("QQ Team", r.resolve(sig("Jo", "jo@qq.com")).organization());
        // github.com must not swallow users.noreply.github.com through the parent-domain rule
        assertEquals("person:2+jo@users.noreply.github.com",
                r.resolve(sig("Jo", "2+jo@users.noreply.github.com")).organization());
    }

    @Test
    void botsAreFlaggedAndHumansOnGitHubWebCommitsAreNot() {
        Mailmap mailmap = Mailmap.parse("Release Automation <release@example.com> dependabot[bot] <release@example.com>");
        IdentityResolver r = new IdentityResolver(mailmap, IDENTITIES);
        assertTrue(r.resolve(sig("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")).bot());
        assertTrue(r.resolve(sig("CI-Robot", "ci@example.com")).bot(), "identities pattern");
        assertTrue(r.resolve(sig("dependabot[bot]", "release@example.com")).bot(), "original name still counts");
        assertFalse(r.resolve(sig("Kim", "noreply@github.com")).bot());
        assertFalse(r.resolve(sig("GitHub", "noreply@github.com")).bot());
    }

    @Test
    void loginsResolveToFilePeopleOrToTheirOwnKey() {
        IdentityResolver r = new IdentityResolver(null, IDENTITIES);
        assertEquals("id:alice@example.com", r.resolveLogin("Alice-GH", false).key());
        assertEquals(new Person("login:octocat", "OctoCat", "", "person:login:octocat", false, PERSON),
                r.resolveLogin("OctoCat", false));
        assertTrue(r.resolveLogin("some-app", true).bot(), "GitHub says Bot");
        assertTrue(r.resolveLogin("renovate[bot]", false).bot());
        assertTrue(r.resolveLogin("ci-robot-7", false).bot());
        assertFalse(r.resolveLogin("octocat", false).bot());
    }

    @Test
    void addressLoginsOfABugTrackerResolveByTheFilesEmails() {
        IdentityResolver r = new IdentityResolver(null, IDENTITIES);
        // Bugzilla's login is an address: the same person as her commits
        assertEquals(r.resolve(sig("Alice", "alice@example.com")).key(), r.resolveLogin("Alice@Example.com", false).key());
        assertTrue(r.resolveLogin("bug-janitor@kde.org", false).bot(), "a tracker's service account");
        assertTrue(r.resolveLogin("ci-robot@example.org", false).bot(), "the file's patterns apply to the login");
        assertFalse(r.resolveLogin("carol@example.org", false).bot());
    }

    @Test
    void sharedDisplayNameIdentifiesNobody() {
        PersonEntry sam1 = new PersonEntry("Sam Lee", List.of("sam@a.org"), List.of(), List.of(), null);
        PersonEntry sam2 = new PersonEntry("Sam Lee", List.of("sam@b.org"), List.of(), List.of(), null);
        IdentityResolver r = new IdentityResolver(null, new IdentitiesFile(List.of(sam1, sam2), List.of(), List.of(), Map.of()));
        assertEquals("sam.lee@c.org", r.resolve(sig("Sam Lee", "sam.lee@c.org")).key());
        assertEquals("id:sam@b.org", r.resolve(sig("Sam Lee", "SAM@b.org")).key());
    }

    @Test
    void agentsAreNeitherPeopleNorPlainBots() {
        IdentitiesFile file = new IdentitiesFile(List.of(), List.of(Pattern.compile("^ci-robot", Pattern.CASE_INSENSITIVE)),
                List.of(Pattern.compile("^agent-", Pattern.CASE_INSENSITIVE)), Map.of());
        // a mailmap that gives the agent a person's name and address does not make it a person
        Mailmap mailmap = Mailmap.parse("Helper <helper@example.com> Claude <noreply@anthropic.com>\n");
        IdentityResolver r = new IdentityResolver(mailmap, file);
        Person claude = r.resolve(sig("Claude", "noreply@anthropic.com"));
        assertEquals(AGENT, claude.kind());
        assertTrue(claude.bot(), "every exclusion of bots leaves agents out too");
        assertTrue(claude.agent());
        assertEquals(AGENT, r.resolve(sig("Claude Opus 4", "noreply@anthropic.com")).kind());
        assertEquals(AGENT, r.resolve(sig("agent-7", "a7@example.com")).kind(), "identities agents pattern");
        Person dependabot = r.resolve(sig("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"));
        assertEquals(BOT, dependabot.kind());
        assertFalse(dependabot.agent());
        assertEquals(BOT, r.resolve(sig("CI-Robot", "ci@example.com")).kind());
        Person kim = r.resolve(sig("Kim", "kim@example.com"));
        assertEquals(PERSON, kim.kind());
        assertFalse(kim.bot());
        assertFalse(kim.agent());
    }

    @Test
    void trackerLoginsOfAgentsAreAgents() {
        IdentityResolver r = new IdentityResolver(null, null);
        assertEquals(AGENT, r.resolveLogin("Copilot", true).kind(), "GitHub types it Bot; it is an agent");
        assertEquals(AGENT, r.resolveLogin("copilot-swe-agent[bot]", true).kind());
        assertEquals(AGENT, r.resolveLogin("devin-ai-integration[bot]", false).kind());
        assertEquals(AGENT, r.resolveLogin("chatgpt-codex-connector[bot]", true).kind());
        assertEquals(BOT, r.resolveLogin("renovate[bot]", true).kind());
        assertEquals(BOT, r.resolveLogin("some-app", true).kind());
        assertEquals(PERSON, r.resolveLogin("claude", false).kind(), "a person's login");
    }

    @Test
    void onlyAnOrganizationTakenFromTheDomainItselfIsGuessed() {
        PersonEntry noOrganization = new PersonEntry("Nia Roe", List.of("nia@startup.io"), List.of(), List.of(), null);
        IdentitiesFile file = new IdentitiesFile(List.of(BOB, noOrganization), List.of(), List.of(),
                Map.of("bigco.com", "BigCo"));
        IdentityResolver r = new IdentityResolver(null, file);
        assertFalse(r.resolve(sig("Bob", "bob@gmail.com")).organizationGuessed(), "the identities file's organization");
        assertFalse(r.resolve(sig("Dan", "dan@bigco.com")).organizationGuessed(), "the organizations map");
        assertFalse(r.resolve(sig("Eve", "eve@eng.bigco.com")).organizationGuessed(), "a parent domain in the map");
        assertFalse(r.resolve(sig("Gus", "gus@gmail.com")).organizationGuessed(), "their own organization");
        assertFalse(r.resolve(sig("Ivy Lee", "")).organizationGuessed(), "no e-mail: their own");
        assertFalse(r.resolveLogin("octocat", false).organizationGuessed());
        Person fay = r.resolve(sig("Fay", "fay@university.edu"));
        assertEquals("university.edu", fay.organization());
        assertTrue(fay.organizationGuessed());
        Person nia = r.resolve(sig("Nia", "nia@startup.io"));
        assertEquals("id:nia@startup.io", nia.key());
        assertTrue(nia.organizationGuessed(), "in the file, but without an organization");
    }

    @Test
    void resultsAreCachedPerSignature() {
        IdentityResolver r = new IdentityResolver(null, IDENTITIES);
        Person first = r.resolve(sig("Dan", "dan@bigco.com"));
        assertSame(first, r.resolve(sig("Dan", "dan@bigco.com")));
        assertSame(r.resolveLogin("octocat", false), r.resolveLogin("octocat", false));
    }
}
