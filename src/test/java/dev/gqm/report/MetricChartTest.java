package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class MetricChartTest {
    static final Instant AS_OF = ReportFixtures.AS_OF;

    private static JFreeChart chart(MetricResult metric) {
        return MetricChart.chart(metric, "How long?", AS_OF);
    }

    private static long at(String day) {
        return Instant.parse(day + "T00:00:00Z").toEpochMilli();
    }

    private static List<Marker> markers(XYPlot plot) {
        List<Marker> markers = new ArrayList<>();
        for (Object marker : plot.getRangeMarkers(Layer.BACKGROUND)) {
            markers.add((Marker) marker);
        }
        return markers;
    }

    @Test
    void eachPointStandsAtItsBucketsEndTheLastAtAsOf() {
        // months starting 04-01, 05-01 (no value), 06-01: measured as of 05-01, 06-01 and as-of 07-01
        XYDataset data = chart(ReportFixtures.firstResponse()).getXYPlot().getDataset();
        assertEquals(3, data.getItemCount(0), "a bucket without a value stays, as a gap in the line");
        assertEquals(at("2026-05-01"), data.getXValue(0, 0));
        assertEquals(at("2026-06-01"), data.getXValue(0, 1));
        assertEquals(at("2026-07-01"), data.getXValue(0, 2));
        assertTrue(Double.isNaN(data.getYValue(0, 1)));

        // weeks from Monday 06-15 and 06-22 end on the next Mondays
        XYDataset weeks = chart(ReportFixtures.commits()).getXYPlot().getDataset();
        assertEquals(at("2026-06-22"), weeks.getXValue(0, 0));
        assertEquals(at("2026-06-29"), weeks.getXValue(0, 1));

        // as-of inside the June bucket: its point is at as-of, not at 07-01
        Instant midJune = Instant.parse("2026-06-20T12:00:00Z");
        XYDataset clamped = MetricChart.chart(ReportFixtures.staleIssues(), "q", midJune).getXYPlot().getDataset();
        assertEquals(at("2026-06-01"), clamped.getXValue(0, 0));
        assertEquals(midJune.toEpochMilli(), clamped.getXValue(0, 1));
    }

    @Test
    void bucketEndsFollowThePeriod() {
        Instant asOf = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals(Instant.parse("2026-06-22T00:00:00Z"),
                MetricChart.bucketEnd(Instant.parse("2026-06-15T00:00:00Z"), Period.WEEK, asOf));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"),
                MetricChart.bucketEnd(Instant.parse("2026-02-01T00:00:00Z"), Period.MONTH, asOf));
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"),
                MetricChart.bucketEnd(Instant.parse("2026-07-01T00:00:00Z"), Period.QUARTER, asOf));
        assertEquals(asOf, MetricChart.bucketEnd(Instant.parse("2026-12-28T00:00:00Z"), Period.WEEK, asOf),
                "the week of 2026-12-28 would end 2027-01-04");
    }

    @Test
    void theAxesSayWhatAPointIs() {
        XYPlot commits = chart(ReportFixtures.commits()).getXYPlot();
        assertEquals("as of the end of each week (the last: 2026-07-01)", commits.getDomainAxis().getLabel(),
                "2026-07-01 is a Wednesday: the last week ends early, at as-of");
        assertEquals("commits, rolling 90d", commits.getRangeAxis().getLabel());
        assertEquals("as of the end of each month", MetricChart.timeLabel(Period.MONTH, AS_OF));
        assertEquals("as of the end of each quarter", MetricChart.timeLabel(Period.QUARTER, AS_OF));
        assertEquals("as of the end of each week (the last: 2026-07-01)", MetricChart.timeLabel(Period.WEEK, AS_OF));
        assertEquals("as of the end of each week", MetricChart.timeLabel(Period.WEEK, Instant.parse("2026-06-29T00:00:00Z")));
        assertEquals("as of the end of each month (the last: 2026-06-20 12:30 UTC)",
                MetricChart.timeLabel(Period.MONTH, Instant.parse("2026-06-20T12:30:00Z")));

        assertEquals("stale issues", chart(ReportFixtures.staleIssues()).getXYPlot().getRangeAxis().getLabel(),
                "a state at each point has no window");
        assertEquals("review coverage, rolling 90d",
                chart(ReportFixtures.reviewCoverage()).getXYPlot().getRangeAxis().getLabel());
        assertEquals("days, rolling 90d", chart(ReportFixtures.firstReview()).getXYPlot().getRangeAxis().getLabel());
        assertEquals("hours, rolling 90d", chart(hoursOnly()).getXYPlot().getRangeAxis().getLabel());
        assertEquals("issues opened", MetricChart.noun("issue.opened"));
        assertEquals("stale pull requests", MetricChart.noun("change.stale"));
        assertEquals("pull requests merged", MetricChart.noun("change.merged"));
        assertEquals("bus factor", MetricChart.noun("git.bus_factor"));
    }

    @Test
    void titledWithTheQuestionAndTheMetricNotTheIds() {
        JFreeChart chart = MetricChart.chart(ReportFixtures.firstReview(), "How long does a change wait?", AS_OF);
        assertEquals("How long does a change wait?", chart.getTitle().getText());
        assertEquals("change.first_review_time · survival median", ((TextTitle) chart.getSubtitle(0)).getText());
    }

    @Test
    void thresholdLinesReadAsTheModelWroteThem() {
        // up to 624 h: the axis reads in days, and so do the lines, at 2 and 7
        XYPlot plot = chart(ReportFixtures.firstReview()).getXYPlot();
        List<Marker> markers = markers(plot);
        assertEquals(2, markers.size());
        assertEquals("warn > 2d", markers.get(0).getLabel());
        assertEquals(2.0, ((ValueMarker) markers.get(0)).getValue(), 1e-9);
        assertEquals(new Color(0xdd6b20), markers.get(0).getPaint());
        assertEquals("fail > 7d", markers.get(1).getLabel());
        assertEquals(7.0, ((ValueMarker) markers.get(1)).getValue(), 1e-9);
        assertEquals(new Color(0xc53030), markers.get(1).getPaint());
        assertEquals(26.0, plot.getDataset().getYValue(0, 2), 1e-9, "624 h is 26 days");
        assertEquals(26.0 * 1.1, plot.getRangeAxis().getUpperBound(), 1e-9);

        XYPlot hours = chart(hoursOnly()).getXYPlot();
        assertEquals("warn > 12h", markers(hours).get(0).getLabel());
        assertEquals(12.0, ((ValueMarker) markers(hours).get(0)).getValue(), 1e-9, "below 72 h: hours");
        assertEquals(20.0 * 1.1, hours.getRangeAxis().getUpperBound(), 1e-9, "the top point, 20 h");
    }

    @Test
    void ratiosReadInPercent() {
        XYPlot plot = chart(ReportFixtures.reviewCoverage()).getXYPlot();
        assertEquals("warn < 50%", markers(plot).get(0).getLabel());
        assertEquals(0.5, ((ValueMarker) markers(plot).get(0)).getValue(), 1e-9, "drawn on the 0..1 axis");
        assertEquals("80%", ((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride().format(0.8));
    }

    @Test
    void eachPointIsColouredByItsStatusALowerBoundHollow() {
        XYPlot plot = chart(ReportFixtures.firstReview()).getXYPlot();
        StatusPointRenderer renderer = (StatusPointRenderer) plot.getRenderer();
        assertEquals(new Color(0x2f855a), renderer.getItemFillPaint(0, 0), "pass: green");
        assertEquals(new Color(0xdd6b20), renderer.getItemFillPaint(0, 1), "warn: orange");
        assertEquals(Color.WHITE, renderer.getItemFillPaint(0, 2), "the censored point is hollow");
        assertEquals(new Color(0xc53030), renderer.getItemOutlinePaint(0, 2), "ringed in fail red");
        assertEquals(StatusPointRenderer.LINE, renderer.getItemPaint(0, 1), "the line itself judges nothing");
        assertEquals(new Color(0x3182ce), StatusPointRenderer.colour(Status.INFO));
        assertEquals(new Color(0xa0aec0), StatusPointRenderer.colour(Status.NO_DATA));

        assertEquals(List.of("fail", "warn", "pass", "hollow: at least (a lower bound)"), legend(plot));
        assertEquals(List.of("warn", "pass"), legend(chart(ReportFixtures.firstResponse()).getXYPlot()),
                "the May bucket has no value: no point, nothing in the key for it");
    }

    private static List<String> legend(XYPlot plot) {
        LegendItemCollection legend = plot.getFixedLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            LegendItem item = legend.get(i);
            labels.add(item.getLabel());
        }
        return labels;
    }

    @Test
    void everyUnitIsALineOfPoints() {
        for (MetricResult metric : List.of(ReportFixtures.commits(), ReportFixtures.staleIssues(),
                ReportFixtures.firstResponse(), ReportFixtures.newContributors())) {
            StatusPointRenderer renderer = (StatusPointRenderer) chart(metric).getXYPlot().getRenderer();
            assertTrue(renderer.getDefaultLinesVisible() && renderer.getDefaultShapesVisible(), metric.use().id());
        }
    }

    @Test
    void ticksStandOnTheBucketBoundaries() {
        assertEquals(List.of("2026-05-01", "06-01", "07-01"), tickLabels(chart(ReportFixtures.firstResponse())));
        assertEquals(List.of(at("2026-05-01"), at("2026-06-01"), at("2026-07-01")),
                tickDates(chart(ReportFixtures.firstResponse())));

        MetricResult quarters = quarterly();
        assertEquals(List.of("2026-01-01", "04-01", "07-01"), tickLabels(chart(quarters)),
                "quarter starts, the year where it changes");

        MetricResult years = new MetricResult(quarters.use(), Unit.COUNT, 3.0, Status.PASS, null, List.of(
                ReportFixtures.point("2025-07-01", 1.0, Status.PASS), ReportFixtures.point("2025-10-01", 2.0, Status.PASS),
                ReportFixtures.point("2026-01-01", 3.0, Status.PASS)), Items.NONE);
        assertEquals(List.of("2025-10-01", "2026-01-01", "04-01"), tickLabels(MetricChart.chart(years, "q",
                Instant.parse("2026-04-01T00:00:00Z"))));
    }

    @Test
    void crowdedTicksKeepTheirMarksButNotAllTheirLabels() {
        JFreeChart chart = chart(ReportFixtures.firstResponse());
        BucketAxis axis = (BucketAxis) chart.getXYPlot().getDomainAxis();
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        // 3 ticks a month apart on 100 px (the axis spans 64 days): 48 px between two, too close for
        // "2026-05-01" beside "06-01"
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 100, 100), RectangleEdge.BOTTOM);
        g2.dispose();
        List<String> labels = ticks.stream().map(t -> ((DateTick) t).getText()).toList();
        assertEquals(List.of("2026-05-01", "", "07-01"), labels);
    }

    @Test
    void aMetricWithoutSeriesSaysNoData() {
        JFreeChart chart = chart(ReportFixtures.reviewCoverage());
        XYPlot plot = chart.getXYPlot();
        assertEquals(0, plot.getDataset().getSeriesCount());
        assertEquals("no data", plot.getNoDataMessage());
        assertEquals(0, plot.getFixedLegendItems().getItemCount(), "no points, no key to their colours");
        assertEquals(List.of(), tickLabels(chart));
    }

    /** A duration whose values and threshold stay below 72 h. */
    private static MetricResult hoursOnly() {
        var use = ReportFixtures.use("merge", "change.merge_latency", Stat.MEDIAN, Period.MONTH,
                new Threshold(Threshold.Op.GT, 12, "> 12h"), null);
        return new MetricResult(use, Unit.HOURS, 20.0, Status.WARN, null, List.of(
                ReportFixtures.point("2026-05-01", 6.0, Status.PASS), ReportFixtures.point("2026-06-01", 20.0, Status.WARN)),
                Items.NONE);
    }

    private static MetricResult quarterly() {
        var use = ReportFixtures.use("contributors", "git.contributors", Stat.COUNT, Period.QUARTER,
                new Threshold(Threshold.Op.LT, 3, "< 3"), null);
        return new MetricResult(use, Unit.COUNT, 4.0, Status.PASS, null, List.of(
                new SeriesPoint(Instant.parse("2025-10-01T00:00:00Z"), 2.0, false, Status.WARN),
                new SeriesPoint(Instant.parse("2026-01-01T00:00:00Z"), 3.0, false, Status.PASS),
                new SeriesPoint(Instant.parse("2026-04-01T00:00:00Z"), 4.0, false, Status.PASS)), Items.NONE);
    }

    /** Draws the chart at its size and returns the ticks its time axis drew. */
    private static List<?> drawn(JFreeChart chart) {
        BufferedImage image = new BufferedImage(MetricChart.WIDTH, MetricChart.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, MetricChart.WIDTH, MetricChart.HEIGHT), info);
        List<?> ticks = chart.getXYPlot().getDomainAxis().refreshTicks(g2, new AxisState(),
                info.getPlotInfo().getDataArea(), RectangleEdge.BOTTOM);
        g2.dispose();
        return ticks;
    }

    private static List<String> tickLabels(JFreeChart chart) {
        if (chart.getXYPlot().getDataset().getSeriesCount() == 0) {
            return chart.getXYPlot().getDomainAxis().isTickLabelsVisible() ? List.of("?") : List.of();
        }
        return drawn(chart).stream().map(t -> ((DateTick) t).getText()).toList();
    }

    private static List<Long> tickDates(JFreeChart chart) {
        return drawn(chart).stream().map(t -> ((DateTick) t).getDate().getTime()).toList();
    }
}
