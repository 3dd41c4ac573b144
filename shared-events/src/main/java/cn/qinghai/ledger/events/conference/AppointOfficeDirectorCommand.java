package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 办公室主任 (兼任): the director of the office is a person already seated. */
public record AppointOfficeDirectorCommand(
        @TargetAggregateIdentifier String conferenceId,
        String personId,
        LocalDate effectiveOn) {
}
