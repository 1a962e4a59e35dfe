package dev.gqm.report;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart as an {@code <svg>} element to place inside {@code index.html}. Safe to insert as
 * markup: JFreeSVG escapes every drawn string for XML, and the ids are ours. The element has a
 * view box and no fixed size, so CSS scales it to a phone's width.
 */
final class DashboardChart {
    static {
        HeadlessAwt.ensure();
    }

    private DashboardChart() {
    }

    /**
     * {@code id} names the element and prefixes its clip paths: several charts share one page,
     * and JFreeSVG's default prefix comes from the clock, which would make the page differ per run.
     */
    static String svg(JFreeChart chart, String id) {
        return element(draw(chart, id), id);
    }

    /** The chart drawn once, its clip paths prefixed with {@code id}: for the page and the .svg file alike. */
    static SVGGraphics2D draw(JFreeChart chart, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(MetricChart.WIDTH, MetricChart.HEIGHT);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, MetricChart.WIDTH, MetricChart.HEIGHT));
        return g2;
    }

    /** The drawing as an element for the page. */
    static String element(SVGGraphics2D drawn, String id) {
        return drawn.getSVGElement(id, false, new ViewBox(0, 0, MetricChart.WIDTH, MetricChart.HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }
}
