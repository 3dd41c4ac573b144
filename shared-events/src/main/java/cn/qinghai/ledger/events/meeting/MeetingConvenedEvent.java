package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A meeting is convened; for a plenary {@code participantUnits} is every active member unit. */
@ChineseName("会议召集")
@Revision("1")
public record MeetingConvenedEvent(
        String meetingId,
        String conferenceId,
        MeetingKind kind,
        String topic,
        OffsetDateTime scheduledAt,
        String location,
        String convenedBy,
        String convenerName,
        List<String> participantUnits,
        List<String> invitedDepartments) {}
