package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("成员任职")
@Revision("1")
public record MemberAppointedEvent(
        String conferenceId,
        String personId,
        String name,
        String title,
        SeatRole role,
        String unitCode,
        LocalDate effectiveOn) {}
