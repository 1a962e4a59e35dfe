package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentsTest {
    private static final List<Pattern> EXTRA = List.of(Pattern.compile("@agents\\.example\\.com$", Pattern.CASE_INSENSITIVE));

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # the addresses agents write, whatever the name (Claude's co-author lines name the model)
            Claude                   | noreply@anthropic.com                                      | true
            Claude Opus 4            | NoReply@Anthropic.com                                      | true
            pi                       | noreply@pi.dev                                             | true
            Cursor Agent             | cursoragent@cursor.com                                     | true
            Codex                    | noreply@openai.com                                         | true
            aider (gpt-4o)           | aider@aider.chat                                           | true
            openhands                | openhands@all-hands.dev                                    | true
            # GitHub's Copilot coding agent: the account, its login and its app
            Copilot                  | 198982749+Copilot@users.noreply.github.com                 | true
            Copilot                  | Copilot                                                    | true
            copilot-swe-agent[bot]   | copilot-swe-agent[bot]                                     | true
            Devin AI                 | 158243242+devin-ai-integration[bot]@users.noreply.github.com | true
            ''                       | chatgpt-codex-connector[bot]                               | true
            ''                       | google-labs-jules[bot]                                     | true
            ''                       | gemini-code-assist[bot]                                    | true
            ''                       | amazon-q-developer[bot]                                    | true
            ''                       | sweep-ai[bot]                                              | true
            ''                       | claude[bot]                                                | true
            Cursor Agent             | someone@example.com                                        | true
            # aider's own attribution: the author's name with " (aider)"
            Jane Doe (aider)         | jane@example.com                                           | true
            # the identities file's agents patterns
            Helper                   | run-7@agents.example.com                                   | true
            # people who share an agent's name, and bots that are not agents
            Claude Monet             | claude@example.com                                         | false
            Claude                   | claude@users.noreply.github.com                            | false
            ''                       | claude                                                     | false
            Devin Booker             | devin@example.com                                          | false
            Jane Doe                 | noreply@github.com                                         | false
            Aider Fan                | fan@example.com                                            | false
            dependabot[bot]          | 49699333+dependabot[bot]@users.noreply.github.com          | false
            NULL                     | NULL                                                       | false
            """)
    void tellsAgentsFromPeopleAndBots(String name, String emailOrLogin, boolean agent) {
        assertEquals(agent, Agents.isAgent(name, emailOrLogin, EXTRA));
    }
}
