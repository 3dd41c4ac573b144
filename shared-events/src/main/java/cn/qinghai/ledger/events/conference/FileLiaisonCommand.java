package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 联络员报联席会议办公室备案: a unit's liaison, effective when filed. Replaces the previous one. */
public record FileLiaisonCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        String name,
        String title,
        String phone,
        LocalDate effectiveOn) {
}
