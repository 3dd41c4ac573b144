package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 退回重办: the office sends a submitted completion back; the units work on. */
public record ReturnTaskCommand(@TargetAggregateIdentifier String taskId, String reason, LocalDate returnedOn) {}
