package cn.qinghai.ledger.events.conference;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@ChineseName("联络员备案")
@Revision("1")
public record LiaisonFiledEvent(
        String conferenceId, String unitCode, String name, String title, String phone, LocalDate effectiveOn) {}
