package cn.qinghai.ledger.events.meeting;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The attendance of the meeting; a later record (a correction before signing) replaces it whole. */
@Revision("1")
public record AttendanceRecordedEvent(
        String meetingId,
        List<String> present,
        List<Absence> absent,
        List<StandIn> standIns) {
}
