package dev.gqm.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CHAOSS Contributor Absence Factor: the fewest holders (people or organizations) whose counts
 * together reach {@code share} of the total. Largest first; ties broken by name for stable items.
 */
final class AbsenceFactor {
    private AbsenceFactor() {
    }

    static List<Map.Entry<String, Integer>> smallestSetReaching(Map<String, Integer> counts, double share) {
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        List<Map.Entry<String, Integer>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<Map.Entry<String, Integer>> chosen = new ArrayList<>();
        long sum = 0;
        for (Map.Entry<String, Integer> e : ranked) {
            if (total > 0 && sum >= share * total) {
                break;
            }
            chosen.add(e);
            sum += e.getValue();
        }
        return chosen;
    }

    static Measurement measure(Map<String, Integer> counts, double share, String holderColumn, String holders,
                               java.util.function.Function<String, String> display) {
        if (counts.isEmpty()) {
            return Measurement.noData("no commits in the window", null);
        }
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        List<Map.Entry<String, Integer>> chosen = smallestSetReaching(counts, share);
        ItemTable.Builder items = ItemTable.builder(holderColumn, "commits", "share", "cumulative_share");
        long sum = 0;
        for (Map.Entry<String, Integer> e : chosen) {
            sum += e.getValue();
            items.row(display.apply(e.getKey()), e.getValue(), round((double) e.getValue() / total), round((double) sum / total));
        }
        return Measurement.of(chosen.size(), items.build(), dev.gqm.model.Sample.count(counts.size(),
                chosen.size() + " of " + counts.size() + " " + holders + " reach " + Math.round(share * 100) + "% of "
                        + total + (total == 1 ? " commit" : " commits")));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
