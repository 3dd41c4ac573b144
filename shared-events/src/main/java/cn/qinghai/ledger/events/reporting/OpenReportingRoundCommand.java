package cn.qinghai.ledger.events.reporting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 发起报送: the office opens the round of {@code period} ({@link ReportingKind}) for conference
 * {@code conferenceId}, due on {@code dueDate}, with its requirements (报送要求). {@code expectedUnits}: the
 * unit codes expected to report; null or empty means every member unit active on {@code openedOn}.
 * {@code roundId} is {@link ReportingKind#roundId}.
 */
public record OpenReportingRoundCommand(
        @TargetAggregateIdentifier String roundId,
        String conferenceId,
        ReportingKind kind,
        String period,
        LocalDate dueDate,
        List<String> expectedUnits,
        String requirements,
        LocalDate openedOn) {}
