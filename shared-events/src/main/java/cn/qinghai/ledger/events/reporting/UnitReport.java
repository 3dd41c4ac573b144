package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One expected unit in a round: its state, when it first reported ({@code firstReportedAt}), its
 * submissions (the latest last; the latest is the one that counts), and the urgings it received.
 */
public record UnitReport(
        String unitCode,
        String unitName,
        ReportState state,
        OffsetDateTime firstReportedAt,
        LocalDate expectedSince,
        List<Submission> submissions,
        List<Urging> urgings,
        int urgingCount) {

    /** One submission: its number in the unit's history, text, document reference, time and who entered it. */
    public record Submission(
            int submission,
            String text,
            String documentRef,
            OffsetDateTime submittedAt,
            boolean late,
            String submittedBy) {}

    /** One urging (催报): message, time, the account that urged and its role. */
    public record Urging(String message, OffsetDateTime urgedAt, String urgedBy, String urgedByRole) {}
}
