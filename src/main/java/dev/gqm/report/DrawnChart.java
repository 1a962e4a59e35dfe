package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import java.io.IOException;
import java.time.Instant;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A metric's chart drawn for the report: the PNG file, the SVG file and the page's {@code <svg>} element. */
record DrawnChart(byte[] png, String svgDocument, String svgElement) {
    /**
     * Draws the chart of {@code metric}, titled with its {@code question}, its last bucket ending at
     * {@code asOf}; {@code elementId} names the page element and prefixes its SVG ids.
     */
    static DrawnChart draw(MetricResult metric, String question, Instant asOf, String elementId) throws IOException {
        JFreeChart chart = MetricChart.chart(metric, question, asOf);
        byte[] png = MetricChart.png(chart);
        // drawn once as SVG, for the .svg file and the page alike
        SVGGraphics2D svg = DashboardChart.draw(chart, elementId);
        return new DrawnChart(png, svg.getSVGDocument(), DashboardChart.element(svg, elementId));
    }
}
