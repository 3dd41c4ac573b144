package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import org.axonframework.serialization.Revision;

/**
 * How the conference decided the roster change recorded just before it (联席会议确定). The older events
 * of a roster change ({@link MemberUnitAddedEvent}, {@link UnitDutiesUpdatedEvent}, {@link MemberUnitRemovedEvent},
 * {@link MemberReplacedEvent}, {@link MemberAppointedEvent}, {@link OfficeDirectorAppointedEvent}) keep their
 * shape; this event follows each of them in the same commit when the decision is known. A change stored
 * without one has no decision on record.
 *
 * @param change     which change it decided
 * @param unitCode   the unit concerned (unit changes; a replaced or appointed member's unit), or null
 * @param changeId   the member change confirmed (MEMBER_REPLACED), or null
 * @param personId   the person seated (MEMBER_REPLACED: the incoming; MEMBER_APPOINTED, OFFICE_DIRECTOR_APPOINTED),
 *                   or null
 */
@ChineseName("调整决定依据")
@Revision("1")
public record RosterChangeDecidedEvent(
        String conferenceId,
        Change change,
        String unitCode,
        String changeId,
        String personId,
        RosterDecision decidedBy) {

    public enum Change {
        UNIT_ADDED,
        UNIT_DUTIES_UPDATED,
        UNIT_REMOVED,
        MEMBER_REPLACED,
        MEMBER_APPOINTED,
        OFFICE_DIRECTOR_APPOINTED
    }
}
