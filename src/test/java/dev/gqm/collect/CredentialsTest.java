package dev.gqm.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "reading Git history of http://user:SECRET@host/x.git | reading Git history of http://user:***@host/x.git",
        "https://ghp_TOKEN@github.com/o/r.git | https://***@github.com/o/r.git",
        "a https://u:p@h/x and git://v:w@k/y | a https://u:***@h/x and git://v:***@k/y",
        "no URL at all: alice@example.com | no URL at all: alice@example.com",
        "https://github.com/o/r.git | https://github.com/o/r.git",
        "git@github.com:o/r.git | git@github.com:o/r.git",
        "https://host/path?who=me@there | https://host/path?who=me@there",
    })
    void masksUserinfoOnly(String text, String expected) {
        assertEquals(expected, Credentials.masked(text));
    }
}
