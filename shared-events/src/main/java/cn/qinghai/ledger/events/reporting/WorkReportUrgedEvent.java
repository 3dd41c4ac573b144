package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

/**
 * The office urged unit {@code unitCode} to report in round {@code roundId} (催报). Who urged is the event's
 * metadata (actor, actorRole), as for a task's urging.
 */
@ChineseName("报送催报")
@Revision("1")
public record WorkReportUrgedEvent(
        String roundId, String conferenceId, String unitCode, String message, OffsetDateTime urgedAt) {}
