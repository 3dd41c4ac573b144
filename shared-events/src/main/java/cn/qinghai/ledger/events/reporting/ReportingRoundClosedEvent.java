package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The office closed round {@code roundId} on {@code closedOn}; {@code notReported}: the units that never reported. */
@ChineseName("报送轮次结束")
@Revision("1")
public record ReportingRoundClosedEvent(
        String roundId, String conferenceId, LocalDate closedOn, List<String> notReported) {}
