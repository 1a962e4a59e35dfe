package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Period;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A metric's time series as a chart. A series point is the metric as of the end of its bucket
 * over the whole window (a rolling value), so every unit is drawn as a line of points, each at
 * its bucket's end (the last at as-of), coloured by the status it would have had, a lower bound
 * hollow. The time axis ticks on the bucket boundaries, the axes say what a point is, and the
 * warn and fail lines are labelled as the model wrote them ("warn > 2d"). Plain styling: it
 * renders fast and prints well.
 */
final class MetricChart {
    static {
        HeadlessAwt.ensure();
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 400;
    /** For ImageIO's PNG writer a higher quality means a faster, lighter deflate (1 is none). */
    private static final float PNG_QUALITY = 0.75f;
    /** From this many hours on, the value axis reads in days. */
    static final double DAYS_FROM_HOURS = 72.0;

    private static final Color GRID = new Color(0xdddddd);
    private static final Color SUBTITLE = new Color(0x4a5568);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 19);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    /** The value axis' label runs along the plot's height, the shorter side. */
    private static final Font VALUE_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private MetricChart() {
    }

    /**
     * The chart as an opaque PNG (its background is white, so no alpha channel: a quarter less to
     * filter and compress), encoded in memory with a light deflate level: charts are flat colour,
     * and the files come out about 5% larger than at ImageIO's default level.
     */
    static byte[] png(JFreeChart chart) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The chart of {@code result}, titled with the question it answers; {@code asOf} is where the
     * last bucket ends.
     */
    static JFreeChart chart(MetricResult result, String question, Instant asOf) {
        Unit unit = result.unit();
        // long waits read better in days; the threshold lines move with the axis, their labels do not
        double thresholdTop = Math.max(threshold(result.use().warn()), threshold(result.use().fail()));
        double scale = unit == Unit.HOURS && Math.max(highest(result), thresholdTop) >= DAYS_FROM_HOURS ? 24.0 : 1.0;
        Points points = Points.of(result, asOf, scale);

        XYPlot plot = new XYPlot(points.plotted() ? new XYSeriesCollection(points.series()) : new XYSeriesCollection(),
                timeAxis(points, result.use().period(), asOf), valueAxis(result, scale),
                new StatusPointRenderer(points.statuses(), points.censored()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        // an empty collection, not an empty series, makes the plot say "no data"
        plot.setNoDataMessage("no data");
        plot.setNoDataMessageFont(TITLE_FONT);
        marker(plot, "warn", result.use().warn(), StatusPointRenderer.WARN, scale);
        marker(plot, "fail", result.use().fail(), StatusPointRenderer.FAIL, scale);
        // markers do not widen the axis by themselves: make room so a threshold above the data still shows
        double top = Math.max(highest(result), thresholdTop) / scale;
        plot.getRangeAxis().setRange(0, unit == Unit.RATIO ? Math.max(1.0, top) * 1.05 : top > 0 ? top * 1.1 : 1.0);
        LegendItemCollection legend = legend(points);
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(question == null || question.isBlank() ? result.use().id() : question,
                TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(subtitle(result), SUBTITLE_FONT, SUBTITLE, RectangleEdge.TOP,
                HorizontalAlignment.CENTER, VerticalAlignment.TOP, new RectangleInsets(2, 0, 4, 0)));
        if (legend.getItemCount() > 0) {
            LegendTitle key = new LegendTitle(plot);
            key.setItemFont(TICK_FONT);
            key.setPosition(RectangleEdge.BOTTOM);
            key.setFrame(BlockBorder.NONE);
            key.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(key);
        }
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for a date label centred on the last tick
        chart.setPadding(new RectangleInsets(4, 4, 4, 28));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return chart;
    }

    /**
     * The series as drawn: one point per bucket at its end, in the axis' unit, NaN (a gap in the
     * line) where the bucket has no value; with each point's status and censored flag, and the
     * bucket boundaries for the ticks.
     */
    private record Points(XYSeries series, List<Status> statuses, List<Boolean> censored, List<Instant> boundaries,
                          boolean plotted) {
        static Points of(MetricResult result, Instant asOf, double scale) {
            Period period = result.use().period();
            XYSeries series = new XYSeries(result.use().id(), false, true);
            List<Status> statuses = new ArrayList<>();
            List<Boolean> censored = new ArrayList<>();
            Set<Instant> boundaries = new TreeSet<>();
            boolean plotted = false;
            for (SeriesPoint point : result.series()) {
                boolean finite = point.value() != null && Double.isFinite(point.value());
                plotted |= finite;
                series.add(bucketEnd(point.periodStart(), period, asOf).toEpochMilli(),
                        finite ? point.value() / scale : Double.NaN);
                statuses.add(point.status());
                censored.add(finite && point.censored());
                boundaries.add(point.periodStart());
                boundaries.add(unclampedEnd(point.periodStart(), period));
            }
            return new Points(series, statuses, censored, List.copyOf(boundaries), plotted);
        }

        /** The statuses of the points that are drawn: one without a value has no colour to explain. */
        Set<Status> drawnStatuses() {
            Set<Status> drawn = EnumSet.noneOf(Status.class);
            for (int i = 0; i < statuses.size(); i++) {
                if (!Double.isNaN(series.getY(i).doubleValue())) {
                    drawn.add(statuses.get(i));
                }
            }
            return drawn;
        }
    }

    /** Time from the first point to as-of, ticked on the bucket boundaries. */
    private static BucketAxis timeAxis(Points points, Period period, Instant asOf) {
        // an empty plot is the same whatever points without values it had (ReportAhead relies on it)
        BucketAxis x = new BucketAxis(timeLabel(period, asOf), points.plotted() ? points.boundaries() : List.of());
        x.setLabelFont(LABEL_FONT);
        x.setTickLabelFont(TICK_FONT);
        x.setTickLabelsVisible(points.plotted());
        if (points.plotted()) {
            long first = points.series().getX(0).longValue();
            long last = asOf.toEpochMilli();
            long margin = Math.max((last - first) / 40, 86_400_000L);
            x.setRange(first - margin, last + margin);
        }
        return x;
    }

    /** Whole numbers for counts, percent for ratios. */
    private static NumberAxis valueAxis(MetricResult result, double scale) {
        NumberAxis y = new NumberAxis(valueLabel(result, scale));
        y.setLabelFont(VALUE_LABEL_FONT);
        y.setTickLabelFont(TICK_FONT);
        y.setStandardTickUnits(result.unit() == Unit.COUNT ? NumberAxis.createIntegerTickUnits() : new NumberTickUnitSource());
        if (result.unit() == Unit.RATIO) {
            y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        return y;
    }

    /** The largest value of the series, in the metric's unit (0 without any). */
    private static double highest(MetricResult result) {
        double top = 0;
        for (SeriesPoint point : result.series()) {
            if (point.value() != null && Double.isFinite(point.value())) {
                top = Math.max(top, point.value());
            }
        }
        return top;
    }

    private static double threshold(Optional<Threshold> threshold) {
        return threshold.map(Threshold::value).orElse(0.0);
    }

    /** The end of the bucket starting at {@code start}: the next bucket's start, or as-of for the bucket holding it. */
    static Instant bucketEnd(Instant start, Period period, Instant asOf) {
        Instant end = unclampedEnd(start, period);
        return end.isAfter(asOf) ? asOf : end;
    }

    private static Instant unclampedEnd(Instant start, Period period) {
        ZonedDateTime day = start.atZone(ZoneOffset.UTC);
        ZonedDateTime end = switch (period) {
            case WEEK -> day.plusWeeks(1);
            case MONTH -> day.plusMonths(1);
            case QUARTER -> day.plusMonths(3);
        };
        return end.toInstant();
    }

    /** "as of the end of each month", naming as-of when the last bucket ends there, before its time. */
    static String timeLabel(Period period, Instant asOf) {
        String label = "as of the end of each " + period.label();
        ZonedDateTime at = asOf.atZone(ZoneOffset.UTC);
        boolean midnight = at.toLocalTime().equals(LocalTime.MIDNIGHT);
        boolean boundary = midnight && switch (period) {
            case WEEK -> at.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTH -> at.getDayOfMonth() == 1;
            case QUARTER -> at.getDayOfMonth() == 1 && (at.getMonthValue() - 1) % 3 == 0;
        };
        if (boundary) {
            return label;
        }
        String when = BucketAxis.label(at, true) + (midnight ? "" : String.format(Locale.ROOT, " %02d:%02d UTC",
                at.getHour(), at.getMinute()));
        return label + " (the last: " + when + ")";
    }

    /**
     * What a point's value is: "commits, rolling 90d" (the commits of the 90 days up to the point),
     * "stale issues", "days, rolling 30d", "review coverage, rolling 90d". A state at an instant has
     * no window. Short, as it runs up the side of the plot.
     */
    static String valueLabel(MetricResult result, double scale) {
        String metric = result.use().metric();
        String window = result.use().window() == null ? "" : result.use().window().toString();
        boolean atAnInstant = atAnInstant(metric) || window.isEmpty();
        return switch (result.unit()) {
            case COUNT -> noun(metric) + (atAnInstant ? "" : ", rolling " + window);
            case HOURS -> (scale == 24.0 ? "days" : "hours") + (atAnInstant ? "" : ", rolling " + window);
            case RATIO -> noun(metric) + (atAnInstant ? "" : ", rolling " + window);
        };
    }

    /** Metrics of a state at as-of (open, stale, age of open issues), not of the events of a window. */
    private static boolean atAnInstant(String metric) {
        String name = metric.substring(metric.indexOf('.') + 1);
        return name.equals("open") || name.equals("stale") || name.equals("age");
    }

    /** "commits", "issues opened", "stale pull requests", "review coverage" from a catalog id. */
    static String noun(String metric) {
        int dot = metric.indexOf('.');
        String name = metric.substring(dot + 1).replace('_', ' ');
        String things = switch (metric.substring(0, Math.max(dot, 0))) {
            case "issue" -> "issues";
            case "change" -> "pull requests";
            default -> null;
        };
        if (things == null) {
            return name;
        }
        return switch (name) {
            case "opened", "closed", "merged" -> things + " " + name;
            case "open", "stale" -> name + " " + things;
            default -> name;
        };
    }

    /** "issue.first_response_time · survival median". */
    static String subtitle(MetricResult result) {
        return result.use().metric() + " · " + HumanFormat.stat(result.use().stat());
    }

    /** A key to the colours of the points drawn, and to the hollow point when one is a lower bound. */
    private static LegendItemCollection legend(Points points) {
        LegendItemCollection items = new LegendItemCollection();
        if (!points.plotted()) {
            return items;
        }
        Set<Status> drawn = points.drawnStatuses();
        Shape dot = new Ellipse2D.Double(-5, -5, 10, 10);
        for (Status status : List.of(Status.FAIL, Status.WARN, Status.PASS, Status.INFO, Status.NO_DATA)) {
            if (drawn.contains(status)) {
                items.add(new LegendItem(status.label(), null, null, null, dot, StatusPointRenderer.colour(status)));
            }
        }
        if (points.censored().contains(Boolean.TRUE)) {
            items.add(new LegendItem("hollow: at least (a lower bound)", null, null, null, dot, Color.WHITE,
                    new BasicStroke(2f), StatusPointRenderer.LINE));
        }
        return items;
    }

    /** Adds a threshold line, at its value in the axis' unit, labelled as the model wrote it: "warn > 2d". */
    private static void marker(XYPlot plot, String name, Optional<Threshold> threshold, Color colour, double scale) {
        if (threshold.isEmpty()) {
            return;
        }
        Threshold t = threshold.get();
        ValueMarker marker = new ValueMarker(t.value() / scale, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(name + " " + t.text());
        marker.setLabelPaint(colour);
        marker.setLabelFont(LABEL_FONT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        // the latest values are on the right: keep the label clear of them
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        // behind the points, so that a label never covers one
        plot.addRangeMarker(marker, Layer.BACKGROUND);
    }
}
