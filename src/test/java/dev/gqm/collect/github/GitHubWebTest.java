package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubWebTest {
    @ParameterizedTest
    @CsvSource(value = {
        "https://api.github.com, o/r, https://github.com/o/r",
        "https://api.github.com/, o/r, https://github.com/o/r",
        "https://git.example.com/api/v3, o/r, https://git.example.com/o/r",
        "https://git.example.com/api/v3/, o/r, https://git.example.com/o/r",
        // a stand-in or a proxy: nobody can tell its web pages
        "http://127.0.0.1:8080, o/r, NULL",
        "https://api.github.com, o/r\" onclick=\"x, NULL",
    }, nullValues = "NULL")
    void theRepositorysPage(String api, String repo, String page) {
        assertEquals(page, GitHubWeb.page(api, repo));
    }
}
