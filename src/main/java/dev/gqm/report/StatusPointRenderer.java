package dev.gqm.report;

import dev.gqm.evaluate.Status;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * A line of points, each point coloured by the status it would have had (pass green, warn
 * orange, fail red, info blue, no-data grey); a lower bound (censored) is drawn hollow. The line
 * between the points stays neutral: only the points carry a verdict.
 */
final class StatusPointRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    static final Color LINE = new Color(0x718096);
    static final Color PASS = new Color(0x2f855a);
    static final Color WARN = new Color(0xdd6b20);
    static final Color FAIL = new Color(0xc53030);
    static final Color INFO = new Color(0x3182ce);
    static final Color NO_DATA = new Color(0xa0aec0);

    /** One entry per item of series 0, in order. */
    private final List<Status> statuses;
    private final List<Boolean> censored;

    StatusPointRenderer(List<Status> statuses, List<Boolean> censored) {
        super(true, true);
        if (statuses.size() != censored.size()) {
            throw new IllegalArgumentException("one status and one censored flag per point");
        }
        this.statuses = List.copyOf(statuses);
        this.censored = List.copyOf(censored);
        setSeriesPaint(0, LINE);
        setSeriesStroke(0, new BasicStroke(1.5f));
        setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        setSeriesOutlineStroke(0, new BasicStroke(2f));
        setUseFillPaint(true);
        setUseOutlinePaint(true);
        setDrawOutlines(true);
    }

    static Color colour(Status status) {
        return switch (status) {
            case PASS -> PASS;
            case WARN -> WARN;
            case FAIL -> FAIL;
            case INFO -> INFO;
            case NO_DATA -> NO_DATA;
        };
    }

    Status status(int item) {
        return statuses.get(item);
    }

    boolean censored(int item) {
        return censored.get(item);
    }

    @Override
    public Paint getItemFillPaint(int series, int item) {
        return censored(item) ? Color.WHITE : colour(status(item));
    }

    @Override
    public Paint getItemOutlinePaint(int series, int item) {
        return colour(status(item));
    }
}
