package cn.qinghai.ledger.events.conference;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitDutiesUpdatedEvent(String conferenceId, String unitCode, List<String> duties) {
}
