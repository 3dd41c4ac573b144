package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 办公室主任 (兼任): the director of the office is a person already seated. {@code decidedBy} records the
 * decision when the office knows it (optional).
 */
public record AppointOfficeDirectorCommand(
        @TargetAggregateIdentifier String conferenceId,
        String personId,
        LocalDate effectiveOn,
        RosterDecision decidedBy) {

    /** An appointment with no decision on record. */
    public AppointOfficeDirectorCommand(String conferenceId, String personId, LocalDate effectiveOn) {
        this(conferenceId, personId, effectiveOn, null);
    }
}
