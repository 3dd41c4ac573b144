package cn.qinghai.ledger.query.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A reporting round as MongoDB keeps it: a typed document (mapped by the driver's record codec) with real
 * dates — days as dates, moments as instants. {@code seq}: the last event of the round applied to it
 * (idempotent under redelivery, see {@code MongoWrites}).
 */
public record ReportingRoundDocument(
        @BsonId String id,
        String conferenceId,
        String kind,
        String period,
        String periodLabel,
        LocalDate dueDate,
        String requirements,
        LocalDate openedOn,
        boolean open,
        LocalDate closedOn,
        List<String> notReportedAtClose,
        List<Unit> units,
        long seq) {

    /** An expected unit, since when it is expected, its submissions (oldest first) and the urgings it received. */
    public record Unit(
            String unitCode,
            String unitName,
            LocalDate expectedSince,
            List<Submission> submissions,
            List<Urging> urgings) {}

    public record Submission(
            int submission,
            String text,
            String documentRef,
            Instant submittedAt,
            LocalDate submittedOn,
            boolean late,
            String submittedBy) {}

    public record Urging(String message, Instant urgedAt, String urgedBy, String urgedByRole) {}

    ReportingRoundDocument withUnits(List<Unit> changed, long at) {
        return new ReportingRoundDocument(
                id,
                conferenceId,
                kind,
                period,
                periodLabel,
                dueDate,
                requirements,
                openedOn,
                open,
                closedOn,
                notReportedAtClose,
                changed,
                at);
    }

    ReportingRoundDocument closed(LocalDate on, List<String> notReported, long at) {
        return new ReportingRoundDocument(
                id,
                conferenceId,
                kind,
                period,
                periodLabel,
                dueDate,
                requirements,
                openedOn,
                false,
                on,
                notReported,
                units,
                at);
    }

    /** The units with {@code unitCode}'s entry replaced by what {@code change} makes of it. */
    List<Unit> changeUnit(String unitCode, java.util.function.UnaryOperator<Unit> change) {
        List<Unit> changed = new ArrayList<>();
        for (Unit u : units) {
            changed.add(u.unitCode().equals(unitCode) ? change.apply(u) : u);
        }
        return changed;
    }
}
