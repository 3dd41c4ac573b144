package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The office opened the reporting round {@code roundId} of {@code period} ({@code periodLabel}, e.g.
 * 2026年第一季度) for {@code kind}, due on {@code dueDate}: {@code expectedUnits} are to report, as the
 * roster named them on {@code openedOn}.
 */
@ChineseName("报送轮次发起")
@Revision("1")
public record ReportingRoundOpenedEvent(
        String roundId,
        String conferenceId,
        ReportingKind kind,
        String period,
        String periodLabel,
        LocalDate dueDate,
        List<ExpectedUnit> expectedUnits,
        String requirements,
        LocalDate openedOn) {}
