package cn.qinghai.ledger.events.meeting;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 召集会议. {@code convenedBy} is the person who convenes (the convener for a plenary, a deputy
 * convener for a special-topic meeting); {@code invitedDepartments} are other departments invited to
 * attend (必要时可邀请其他部门), recorded but not member units.
 */
public record ConveneMeetingCommand(
        @TargetAggregateIdentifier String meetingId,
        String conferenceId,
        MeetingKind kind,
        String topic,
        OffsetDateTime scheduledAt,
        String location,
        String convenedBy,
        List<String> participantUnits,
        List<String> invitedDepartments) {}
