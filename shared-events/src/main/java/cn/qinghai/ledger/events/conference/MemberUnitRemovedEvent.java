package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The unit is no longer a member unit. Its member seat and its liaison post end with it:
 * {@code vacatedPersonId} names who held the seat (null if nobody did).
 */
@ChineseName("成员单位退出")
@Revision("1")
public record MemberUnitRemovedEvent(
        String conferenceId, String unitCode, String reason, LocalDate effectiveOn, String vacatedPersonId) {}
