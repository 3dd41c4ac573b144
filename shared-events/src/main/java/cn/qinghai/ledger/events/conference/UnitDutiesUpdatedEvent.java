package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.util.List;
import org.axonframework.serialization.Revision;

@ChineseName("职责分工调整")
@Revision("1")
public record UnitDutiesUpdatedEvent(String conferenceId, String unitCode, List<String> duties) {}
