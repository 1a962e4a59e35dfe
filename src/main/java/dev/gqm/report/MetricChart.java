package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.model.Period;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.Month;
import org.jfree.data.time.Quarter;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.Week;

/**
 * A metric's time series as a chart: bars for counts, a line for hours and ratios, with the
 * warn and fail thresholds as labelled lines. Plain styling: it renders fast and prints well.
 */
final class MetricChart {
    static {
        HeadlessAwt.ensure();
    }

    static final int WIDTH = 800;
    static final int HEIGHT = 400;
    /** For ImageIO's PNG writer a higher quality means a faster, lighter deflate (1 is none). */
    private static final float PNG_QUALITY = 0.75f;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color SERIES = new Color(0x2b6cb0);
    private static final Color WARN = new Color(0xdd6b20);
    private static final Color FAIL = new Color(0xc53030);
    private static final Color GRID = new Color(0xdddddd);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private MetricChart() {
    }

    /** Dates on the time axis in ISO form, coarser as the span grows (per chart: date formats are not thread-safe). */
    private static TickUnits isoDateTicks() {
        DateFormat day = utcFormat("yyyy-MM-dd");
        DateFormat month = utcFormat("yyyy-MM");
        TickUnits units = new TickUnits();
        units.add(new DateTickUnit(DateTickUnitType.DAY, 1, day));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 7, day));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 14, day));
        for (int months : new int[] {1, 2, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, month));
        }
        for (int years : new int[] {1, 2, 5}) {
            units.add(new DateTickUnit(DateTickUnitType.YEAR, years, utcFormat("yyyy")));
        }
        return units;
    }

    private static DateFormat utcFormat(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.ROOT);
        format.setTimeZone(UTC);
        return format;
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

    static JFreeChart chart(MetricResult result) {
        Unit unit = result.unit();
        TimeSeries series = new TimeSeries(result.use().id());
        double top = 0;
        for (SeriesPoint point : result.series()) {
            if (point.value() == null || !Double.isFinite(point.value())) {
                continue;
            }
            series.addOrUpdate(period(point, result.use().period()), point.value());
            top = Math.max(top, point.value());
        }
        // an empty collection, not an empty series, makes the plot say "no data"
        TimeSeriesCollection data = series.isEmpty() ? new TimeSeriesCollection(UTC) : new TimeSeriesCollection(series, UTC);
        // values belong to the start of their period, as in the CSV; bars still span the whole period
        data.setXPosition(TimePeriodAnchor.START);

        DateAxis x = new DateAxis("period start");
        x.setTimeZone(UTC);
        x.setLabelFont(LABEL_FONT);
        x.setStandardTickUnits(isoDateTicks());
        // an empty axis would show the epoch
        x.setTickLabelsVisible(!series.isEmpty());
        NumberAxis y = new NumberAxis(axisLabel(result));
        y.setLabelFont(LABEL_FONT);
        if (unit == Unit.COUNT) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        } else {
            y.setStandardTickUnits(new NumberTickUnitSource());
        }

        XYItemRenderer renderer = renderer(unit);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("no data");
        plot.setNoDataMessageFont(TITLE_FONT);

        top = Math.max(top, marker(plot, "warn", result.use().warn(), WARN));
        top = Math.max(top, marker(plot, "fail", result.use().fail(), FAIL));
        // markers do not widen the axis by themselves: make room so a threshold above the data still shows
        y.setRange(0, unit == Unit.RATIO ? Math.max(1.0, top) * 1.05 : top > 0 ? top * 1.1 : 1.0);

        JFreeChart chart = new JFreeChart(result.use().id() + " (" + result.use().metric() + ")", TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for a date tick label centred on the axis' last instant
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 32));
        // text anti-aliasing keeps labels legible; shapes are axis-aligned bars and thin lines
        chart.setAntiAlias(unit != Unit.COUNT);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return chart;
    }

    private static XYItemRenderer renderer(Unit unit) {
        if (unit == Unit.COUNT) {
            XYBarRenderer bars = new XYBarRenderer(0.15);
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setSeriesPaint(0, SERIES);
            return bars;
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, SERIES);
        line.setSeriesStroke(0, new BasicStroke(2f));
        return line;
    }

    /** Adds a threshold line labelled like "warn > 48"; returns its value (0 without one). */
    private static double marker(XYPlot plot, String name, Optional<Threshold> threshold, Color colour) {
        if (threshold.isEmpty()) {
            return 0;
        }
        Threshold t = threshold.get();
        ValueMarker marker = new ValueMarker(t.value(), colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(name + " " + t.op().symbol() + " " + ReportedNumber.text(t.value()));
        marker.setLabelPaint(colour);
        marker.setLabelFont(LABEL_FONT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        // the latest values are on the right: keep the label clear of them
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(marker);
        return t.value();
    }

    /** The JFreeChart period for a bucket, so bars span the bucket they measure. */
    private static RegularTimePeriod period(SeriesPoint point, Period period) {
        Date start = Date.from(point.periodStart());
        if (period == null) {
            return new Day(start, UTC, Locale.ROOT);
        }
        return switch (period) {
            // the UK calendar's weeks are ISO weeks: Monday first, week 1 holds 4 days
            case WEEK -> new Week(start, UTC, Locale.UK);
            case MONTH -> new Month(start, UTC, Locale.ROOT);
            case QUARTER -> new Quarter(start, UTC, Locale.ROOT);
        };
    }

    /** "commits" for git.commits; otherwise the unit: "count", "hours", "ratio (0..1)". */
    static String axisLabel(MetricResult result) {
        return switch (result.unit()) {
            case COUNT -> {
                String metric = result.use().metric();
                String name = metric.substring(metric.indexOf('.') + 1).replace('_', ' ');
                yield name.endsWith("s") ? name : "count";
            }
            case HOURS -> "hours";
            case RATIO -> "ratio (0..1)";
        };
    }
}
