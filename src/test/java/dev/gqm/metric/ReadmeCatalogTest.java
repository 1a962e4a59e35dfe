package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.model.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's catalog table says what the catalog declares: the same ids, in the same order, with
 * their units and their own parameters, so that the table cannot drift from the code.
 */
class ReadmeCatalogTest {
    private static final Pattern ROW = Pattern.compile("^\\| ((?:git|issue|change)\\.[a-z_]+(?: / (?:git|issue|change)\\.[a-z_]+)?) \\| ([a-z]+) \\|.*\\|([^|]*)\\|$");
    private static final Pattern PARAM = Pattern.compile("`([a-z_]+)`");

    @Test
    void theReadmeTableListsEveryMetricWithItsUnitAndParameters() throws Exception {
        Map<String, String> readme = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> params = new ArrayList<>();
            Matcher p = PARAM.matcher(m.group(3));
            while (p.find()) {
                params.add(p.group(1));
            }
            for (String id : m.group(1).split(" / ")) {
                readme.put(id, m.group(2) + " " + params.stream().sorted().toList());
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (Metric metric : new MetricCatalog().all()) {
            declared.put(metric.id(), metric.unit().label() + " " + metric.params().stream().map(ParamSpec::name).sorted().toList());
        }
        assertEquals(declared, readme);
    }
}
