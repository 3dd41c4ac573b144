package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@ChineseName("成员单位增加")
@Revision("1")
public record MemberUnitAddedEvent(
        String conferenceId, String unitCode, String name, List<String> duties, LocalDate effectiveOn) {}
