package dev.gqm.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A time axis whose ticks (and grid lines) are exactly the series' bucket boundaries: a point
 * stands on the tick of the bucket end it is measured at. Labels are ISO dates, the year only on
 * the first label and where it changes ("2026-05-01", "06-01", …); when they would touch, only
 * every second (third, …) tick is labelled, and every tick keeps its mark.
 */
final class BucketAxis extends DateAxis {
    private static final long serialVersionUID = 1L;
    /** Room between two labels, in pixels. */
    private static final double GAP = 8;

    private final List<Instant> boundaries;

    BucketAxis(String label, List<Instant> boundaries) {
        super(label);
        this.boundaries = List.copyOf(boundaries);
        setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    }

    List<Instant> boundaries() {
        return boundaries;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (!RectangleEdge.isTopOrBottom(edge)) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        return ticks(g2.getFontMetrics(getTickLabelFont()), dataArea, edge);
    }

    private List<DateTick> ticks(FontMetrics metrics, Rectangle2D dataArea, RectangleEdge edge) {
        List<Instant> visible = boundaries.stream()
                .filter(b -> b.toEpochMilli() >= getLowerBound() && b.toEpochMilli() <= getUpperBound())
                .toList();
        int every = labelEvery(visible, metrics, dataArea, edge);
        List<DateTick> ticks = new ArrayList<>(visible.size());
        int lastYear = Integer.MIN_VALUE;
        for (int i = 0; i < visible.size(); i++) {
            ZonedDateTime day = visible.get(i).atZone(ZoneOffset.UTC);
            String label = "";
            if (i % every == 0) {
                label = label(day, day.getYear() != lastYear);
                lastYear = day.getYear();
            }
            ticks.add(new DateTick(TickType.MAJOR, Date.from(visible.get(i)), label, TextAnchor.TOP_CENTER,
                    TextAnchor.TOP_CENTER, 0.0));
        }
        return ticks;
    }

    static String label(ZonedDateTime day, boolean withYear) {
        return withYear
                ? String.format(Locale.ROOT, "%04d-%02d-%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth())
                : String.format(Locale.ROOT, "%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }

    /** Label every n-th tick, n as small as lets a long label and a short one sit side by side. */
    private int labelEvery(List<Instant> visible, FontMetrics metrics, Rectangle2D dataArea, RectangleEdge edge) {
        if (visible.size() < 2) {
            return 1;
        }
        double closest = Double.MAX_VALUE;
        for (int i = 1; i < visible.size(); i++) {
            double a = valueToJava2D(visible.get(i - 1).toEpochMilli(), dataArea, edge);
            double b = valueToJava2D(visible.get(i).toEpochMilli(), dataArea, edge);
            closest = Math.min(closest, Math.abs(b - a));
        }
        double needed = metrics.stringWidth("2026-12-31") / 2.0 + metrics.stringWidth("12-31") / 2.0 + GAP;
        int every = 1;
        while (every < visible.size() && closest * every < needed) {
            every++;
        }
        return every;
    }
}
