package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.GitData;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.Window;
import dev.gqm.model.MetricUse;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * git.bus_factor and git.elephant_factor on hand-made histories, one row per case: each author's
 * authored commits in the window as {@code name@domain*count} (the domain is the organization,
 * gmail.com a person of their own), the share, and the values worked out by hand.
 */
class AbsenceFactorTableTest {
    static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");
    static final MetricCatalog CATALOG = new MetricCatalog();

    static GitData history(String authors) {
        List<Commit> commits = new ArrayList<>();
        int n = 0;
        for (String part : authors.split(" +")) {
            String[] who = part.split("\\*");
            String email = who[0];
            int count = Integer.parseInt(who[1]);
            Signature s = new Signature(email.substring(0, email.indexOf('@')), email);
            for (int i = 0; i < count; i++) {
                Instant at = AS_OF.minusSeconds(86_400L * (1 + (n % 80)));
                commits.add(new Commit(String.format("%040x", n++), s, at, at, 1, List.of()));
            }
        }
        return GitData.build(commits, List.of(), new IdentityResolver(null, null), AS_OF, AS_OF, false);
    }

    static double measure(String metric, GitData git, double share) {
        Map<String, Object> params = new HashMap<>();
        for (ParamSpec p : CATALOG.signature(metric).orElseThrow().params().values()) {
            params.put(p.name(), p.defaultValue());
        }
        params.put("share", share);
        MetricUse use = new MetricUse("m", metric, Stat.COUNT, params, Optional.empty(), Optional.empty());
        Dataset data = new Dataset(AS_OF, Optional.of(git));
        return CATALOG.find(metric).orElseThrow()
                .measure(new MetricQuery(data, AS_OF, Window.ending(AS_OF, use.window().toJava()), use)).value();
    }

    @ParameterizedTest(name = "{0}, share {1}: bus {2}, elephant {3}")
    @CsvSource(delimiter = '|', value = {
        // one person does half: 5 of 10 reach 0.5
        "a@x.com*5 b@y.com*3 c@z.com*2                     | 0.5 | 1 | 1",
        // a tie for first: 4 + 4 of 10; the first alone (4) is below half, two reach 8
        "a@x.com*4 b@y.com*4 c@z.com*2                     | 0.5 | 2 | 2",
        // share 0.8 of 10 = 8: 4 + 3 = 7 is short, a third is needed
        "a@x.com*4 b@y.com*3 c@z.com*2 d@w.com*1          | 0.8 | 3 | 3",
        // two people of one company: persons 3 + 3 + 2 + 2 (bus 2 at 0.5 = 5: 3 + 3 = 6);
        // companies x.com 3 + 2 = 5 reach half alone
        "a@x.com*3 b@y.com*3 c@x.com*2 d@z.com*2          | 0.5 | 2 | 1",
        // personal mail: each gmail.com person is their own organization, so no company sums them
        "a@gmail.com*3 b@gmail.com*3 c@gmail.com*2 d@gmail.com*2 | 0.5 | 2 | 2",
        // share 1.0 takes everyone who committed
        "a@x.com*5 b@y.com*1 c@y.com*1                     | 1.0 | 3 | 2",
        // a single author
        "a@x.com*7                                           | 0.5 | 1 | 1",
    })
    void handWorked(String authors, double share, int bus, int elephant) {
        GitData git = history(authors.strip());
        assertEquals(bus, measure("git.bus_factor", git, share), 1e-9);
        assertEquals(elephant, measure("git.elephant_factor", git, share), 1e-9);
    }
}
