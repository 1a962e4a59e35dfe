package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotsTest {
    private static final List<Pattern> EXTRA = List.of(Pattern.compile("^ci-robot", Pattern.CASE_INSENSITIVE));

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # name ending in [bot], any case
            dependabot[bot]        | 49699333+dependabot[bot]@users.noreply.github.com | true
            Some-App[BOT]          | someone@example.com                               | true
            # the login inside GitHub's no-reply address
            Release Helper         | 41898282+github-actions[bot]@users.noreply.github.com | true
            # known accounts by name, login or e-mail local part, with or without [bot]
            Renovate               | ''                                                | true
            ''                     | renovate-bot                                      | true
            Someone                | pre-commit-ci@example.org                         | true
            k8s-ci-robot           | ''                                                | true
            coderabbitai[bot]      | coderabbitai                                      | true
            GitHub Action          | action@github.com                                 | true
            # extra patterns, found in the name or the e-mail/login
            CI-Robot Nightly       | nightly@example.com                               | true
            Nightly                | ci-robot@example.com                              | true
            # people: also when GitHub's web interface stamps noreply@github.com
            Alice Doe              | alice@example.com                                 | false
            GitHub                 | noreply@github.com                                | false
            Alice Doe              | noreply@github.com                                | false
            Alice Doe              | 1234+alice@users.noreply.github.com               | false
            Bot Builder            | robot@example.com                                 | false
            NULL                   | NULL                                              | false
            Robot CI               | nightly@example.com                               | false
            # AI coding agents are a layer of their own (AgentsTest), unless GitHub marks them [bot]
            Copilot                | 198982749+Copilot@users.noreply.github.com        | false
            Claude                 | noreply@anthropic.com                             | false
            copilot-swe-agent[bot] | ''                                                | true
            """)
    void tellsBotsFromPeople(String name, String emailOrLogin, boolean bot) {
        assertEquals(bot, Bots.isBot(name, emailOrLogin, EXTRA));
    }
}
