package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which tag names are pre-releases (SPEC §4 git.releases), left out of the count by default. */
class PrereleaseTagTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "v2.50.0-rc1, true",
        "v2.50.0-rc0, true",
        "7.0.0.beta2, true",
        "1.2rc3, true",
        "v1.0-SNAPSHOT, true",
        "2.0.0-alpha, true",
        "v3.1.0-preview.2, true",
        "1.0.0.dev20, true",
        "v5.0.0.pre1, true",
        "v2.50.0, false",
        "v7.1.3.4, false",
        "2026.04, false",
        // a name before the version is not the version: a 'dev' or 'beta' branch name alone proves nothing
        "dev-tools-1.0, false",
        "beta-channel-2.1, false",
        // inside a longer word the marker is not one
        "v1.0-prerelease-notes, false",
        "release-2.0, false",
        "v1.2-devel, false",
        "no-version-at-all, false",
    })
    void prerelease(String tag, boolean expected) {
        assertEquals(expected, GitReleases.prerelease(tag));
    }
}
