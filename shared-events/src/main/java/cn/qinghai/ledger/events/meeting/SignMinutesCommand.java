package cn.qinghai.ledger.events.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 由召集人签发: the convener signs the minutes. */
public record SignMinutesCommand(@TargetAggregateIdentifier String meetingId, String signedBy, LocalDate signedOn) {}
