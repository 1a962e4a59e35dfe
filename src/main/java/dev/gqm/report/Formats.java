package dev.gqm.report;

import java.util.List;

/** Every output gqm writes: a new one is a class and a line here. */
public final class Formats {
    /**
     * The files of the report directory (SPEC §6). Making these must not start a format's libraries:
     * {@link ReportAhead} reads the list on the main thread before collecting.
     */
    static final List<Format> REPORT = List.of(
            new JsonSummaryFormat(),
            new MarkdownSummaryFormat(),
            new MetricCsvFormat(),
            new ChartFilesFormat(),
            new DashboardFormat());

    /** What {@code gqm check} writes for CI, in this order. */
    public static final List<CiFormat> CI = List.of(
            new JUnitFormat(),
            new AnnotationsFormat(),
            new StepSummaryFormat());

    private Formats() {
    }
}
