package dev.gqm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gqm.metric.Metric;
import dev.gqm.metric.MetricCatalog;
import dev.gqm.model.Duration;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Lists the metric catalog: id, unit, definition, stats and parameters.")
final class MetricsCommand implements Callable<Integer> {
    enum Format { text, json }

    private final Context ctx;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    MetricsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<Metric> metrics = new MetricCatalog().all();
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode list = json.createArrayNode();
            for (Metric m : metrics) {
                ObjectNode n = list.addObject();
                n.put("id", m.id());
                n.put("unit", m.unit().label());
                n.put("source", m.requires().name().toLowerCase(Locale.ROOT));
                n.put("definition", m.definition());
                n.put("default_stat", m.defaultStat().label());
                ArrayNode stats = n.putArray("stats");
                m.stats().stream().map(Stat::label).sorted().forEach(stats::add);
                ArrayNode params = n.putArray("params");
                for (ParamSpec p : MetricCatalog.paramsOf(m)) {
                    ObjectNode pn = params.addObject();
                    pn.put("name", p.name());
                    pn.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
                    pn.put("default", show(p.defaultValue()));
                    pn.put("description", p.description());
                }
            }
            ctx.out().println(json.writeValueAsString(list));
            return ExitCode.OK;
        }
        for (Metric m : metrics) {
            ctx.out().printf(Locale.ROOT, "%s (%s, default stat %s)%n  %s%n", m.id(), m.unit().label(), m.defaultStat().label(), m.definition());
            for (ParamSpec p : m.params()) {
                ctx.out().printf(Locale.ROOT, "  param %s = %s: %s%n", p.name(), show(p.defaultValue()), p.description());
            }
        }
        ctx.out().println();
        ctx.out().println("Every metric also takes: window (default 90d), period (default month), include_bots (default false).");
        return ExitCode.OK;
    }

    static String show(Object v) {
        if (v instanceof Period p) {
            return p.label();
        }
        if (v instanceof Duration d) {
            return d.toString();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? "(none)" : String.join(",", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }
}
