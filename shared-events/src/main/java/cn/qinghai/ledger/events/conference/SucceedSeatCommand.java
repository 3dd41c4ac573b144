package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 换届: the office records that the convener's or a deputy convener's seat, held by {@code outgoingPersonId},
 * passes to {@code incoming} on {@code effectiveOn}, as the conference decided ({@code decidedBy}).
 * {@code officeDirector} is required exactly when the outgoing holder is the office director.
 */
public record SucceedSeatCommand(
        @TargetAggregateIdentifier String conferenceId,
        String outgoingPersonId,
        Person incoming,
        LocalDate effectiveOn,
        OfficeDirectorHandover officeDirector,
        RosterDecision decidedBy) {}
