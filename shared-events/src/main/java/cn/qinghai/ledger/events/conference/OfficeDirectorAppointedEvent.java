package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("办公室主任任职")
@Revision("1")
public record OfficeDirectorAppointedEvent(String conferenceId, String personId, String name, LocalDate effectiveOn) {}
