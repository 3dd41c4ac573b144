package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * In the draft of minutes version {@code minutesVersion}, the tasks of agreed matter {@code decisionId}
 * named in {@code dueDates} are now due on the dates given there (the other tasks keep theirs). Only a
 * draft changes: the tasks are assigned when the (re-)signed minutes are issued.
 */
@ChineseName("议定事项期限调整")
@Revision("1")
public record MatterDueDatesRevisedEvent(
        String meetingId, String decisionId, int minutesVersion, List<TaskDueDate> dueDates, String reason) {}
