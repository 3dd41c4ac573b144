package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An agreed matter recorded in the draft of minutes version {@code minutesVersion}. */
@ChineseName("议定事项记录")
@Revision("1")
public record DecisionRecordedEvent(
        String meetingId,
        String conferenceId,
        String decisionId,
        int minutesVersion,
        String matter,
        boolean major,
        List<TaskSpec> tasks) {}
