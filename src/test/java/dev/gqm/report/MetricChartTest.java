package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class MetricChartTest {
    @Test
    void durationChartSkipsEmptyPeriodsAndDrawsBothThresholds() {
        JFreeChart chart = MetricChart.chart(ReportFixtures.firstResponse());
        XYPlot plot = chart.getXYPlot();
        assertEquals("first-response-median (issue.first_response_time)", chart.getTitle().getText());
        assertEquals("period start", plot.getDomainAxis().getLabel());
        assertEquals("hours", plot.getRangeAxis().getLabel());
        assertEquals(2, plot.getDataset().getItemCount(0), "the May bucket has no value");
        assertEquals(XYLineAndShapeRenderer.class, plot.getRenderer().getClass());

        @SuppressWarnings("unchecked")
        List<Marker> markers = List.copyOf(plot.getRangeMarkers(Layer.FOREGROUND));
        assertEquals(2, markers.size());
        assertEquals("warn > 48", markers.get(0).getLabel());
        assertEquals(48.0, ((ValueMarker) markers.get(0)).getValue());
        assertEquals(new Color(0xdd6b20), markers.get(0).getPaint());
        assertEquals("fail > 168", markers.get(1).getLabel());
        assertEquals(new Color(0xc53030), markers.get(1).getPaint());
        assertEquals(168 * 1.1, plot.getRangeAxis().getUpperBound(), 1e-9, "the fail line is inside the plot");
    }

    @Test
    void countsAreBarsWithANounForAnAxis() {
        JFreeChart chart = MetricChart.chart(ReportFixtures.commits());
        XYPlot plot = chart.getXYPlot();
        assertEquals(XYBarRenderer.class, plot.getRenderer().getClass());
        assertEquals("commits", plot.getRangeAxis().getLabel());
        assertEquals("count", MetricChart.axisLabel(ReportFixtures.staleIssues()));
        assertEquals("ratio (0..1)", MetricChart.axisLabel(ReportFixtures.reviewCoverage()));
    }

    @Test
    void aMetricWithoutSeriesSaysNoData() {
        XYPlot plot = MetricChart.chart(ReportFixtures.reviewCoverage()).getXYPlot();
        assertEquals(0, plot.getDataset().getSeriesCount());
        assertEquals("no data", plot.getNoDataMessage());
        assertEquals("warn < 0.5", ((Marker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next()).getLabel());
    }
}
