package cn.qinghai.ledger.query.reporting;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.reporting.*;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reporting rounds as {@link ReportingRoundProjection} keeps them, with each expected unit's state worked out on
 * the service's today (its clock, as the task list's red/amber/green is): 已报送, 逾期报送, 未报送, 逾期未报送.
 */
@Component
public class ReportingRoundQueries {

    private final ReadModelCollections collections;
    private final Clock clock;

    @Autowired
    public ReportingRoundQueries(ReadModelGenerations generations, Clock clock) {
        this(generations.live(ReportingRoundProjection.GROUP), clock);
    }

    public ReportingRoundQueries(ReadModelCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    @QueryHandler
    public ReportingRoundList handle(FindReportingRoundsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.conferenceId() != null) {
            filters.add(eq("conferenceId", query.conferenceId()));
        }
        if (query.openOnly()) {
            filters.add(eq("open", true));
        }
        if (query.unitCode() != null) {
            filters.add(eq("units.unitCode", query.unitCode()));
        }
        LocalDate today = LocalDate.now(clock);
        List<ReportingRoundRow> rows = new ArrayList<>();
        for (ReportingRoundDocument d : ReportingRoundProjection.rounds(collections)
                .find(filters.isEmpty() ? new org.bson.Document() : and(filters))
                .sort(Sorts.orderBy(Sorts.descending("openedOn"), Sorts.descending("_id")))) {
            ReportingRoundView view = view(d, today);
            UnitReport own = query.unitCode() == null
                    ? null
                    : view.units().stream()
                            .filter(u -> u.unitCode().equals(query.unitCode()))
                            .findFirst()
                            .orElse(null);
            if (query.unitCode() != null && own == null) {
                continue;
            }
            rows.add(new ReportingRoundRow(
                    view.roundId(),
                    view.conferenceId(),
                    view.kind(),
                    view.kindTitle(),
                    view.period(),
                    view.periodLabel(),
                    view.dueDate(),
                    view.requirements(),
                    view.openedOn(),
                    view.open(),
                    view.closedOn(),
                    today,
                    view.counts(),
                    own));
        }
        return new ReportingRoundList(rows);
    }

    @QueryHandler
    public Optional<ReportingRoundView> handle(FindReportingRoundQuery query) {
        ReportingRoundDocument d = ReportingRoundProjection.rounds(collections)
                .find(eq("_id", query.roundId()))
                .first();
        return Optional.ofNullable(d).map(round -> view(round, LocalDate.now(clock)));
    }

    ReportingRoundView view(ReportingRoundDocument d, LocalDate today) {
        List<UnitReport> units = new ArrayList<>();
        int reported = 0;
        int late = 0;
        int notReported = 0;
        int overdue = 0;
        for (ReportingRoundDocument.Unit u : d.units()) {
            ReportState state = state(d, u, today);
            switch (state) {
                case REPORTED -> reported++;
                case REPORTED_LATE -> late++;
                case NOT_REPORTED -> notReported++;
                case OVERDUE -> overdue++;
            }
            List<UnitReport.Submission> submissions = u.submissions().stream()
                    .map(s -> new UnitReport.Submission(
                            s.submission(), s.text(), s.documentRef(), at(s.submittedAt()), s.late(), s.submittedBy()))
                    .toList();
            List<UnitReport.Urging> urgings = u.urgings().stream()
                    .map(g -> new UnitReport.Urging(g.message(), at(g.urgedAt()), g.urgedBy(), g.urgedByRole()))
                    .toList();
            units.add(new UnitReport(
                    u.unitCode(),
                    u.unitName(),
                    state,
                    submissions.isEmpty() ? null : submissions.get(0).submittedAt(),
                    u.expectedSince(),
                    submissions,
                    urgings,
                    urgings.size()));
        }
        ReportingKind kind = ReportingKind.valueOf(d.kind());
        return new ReportingRoundView(
                d.id(),
                d.conferenceId(),
                kind,
                kind.title(),
                d.period(),
                d.periodLabel(),
                d.dueDate(),
                d.requirements(),
                d.openedOn(),
                d.open(),
                d.closedOn(),
                today,
                new ReportingRoundView.Counts(d.units().size(), reported, late, notReported, overdue),
                units);
    }

    /**
     * 已报送 / 逾期报送 by the unit's first report (did it meet the due date); with none, 逾期未报送 once the due
     * date has passed — on today, or on the day the round was closed if that came first — else 未报送.
     */
    static ReportState state(ReportingRoundDocument round, ReportingRoundDocument.Unit unit, LocalDate today) {
        if (!unit.submissions().isEmpty()) {
            return unit.submissions().get(0).late() ? ReportState.REPORTED_LATE : ReportState.REPORTED;
        }
        LocalDate judged = round.closedOn() != null && round.closedOn().isBefore(today) ? round.closedOn() : today;
        return judged.isAfter(round.dueDate()) ? ReportState.OVERDUE : ReportState.NOT_REPORTED;
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, clock.getZone());
    }
}
