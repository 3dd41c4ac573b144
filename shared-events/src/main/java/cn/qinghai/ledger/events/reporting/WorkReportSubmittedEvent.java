package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;

/**
 * Unit {@code unitCode} submitted its report for round {@code roundId}: its {@code submission}-th (a later one
 * supersedes the earlier ones, which stay in the history). {@code late}: submitted after the due date
 * (逾期报送), judged on {@code submittedOn}, the day in the service's time zone.
 */
@ChineseName("工作情况报送")
@Revision("1")
public record WorkReportSubmittedEvent(
        String roundId,
        String conferenceId,
        String unitCode,
        int submission,
        String text,
        String documentRef,
        OffsetDateTime submittedAt,
        LocalDate submittedOn,
        boolean late) {}
