package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The attendance of the meeting; a later record (a correction before signing) replaces it whole. */
@ChineseName("出席情况记录")
@Revision("1")
public record AttendanceRecordedEvent(
        String meetingId, List<String> present, List<Absence> absent, List<StandIn> standIns) {}
