package cn.qinghai.ledger.events.meeting;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An agreed matter recorded in the draft of minutes version {@code minutesVersion}. */
@Revision("1")
public record DecisionRecordedEvent(
        String meetingId,
        String conferenceId,
        String decisionId,
        int minutesVersion,
        String matter,
        boolean major,
        List<TaskSpec> tasks) {
}
