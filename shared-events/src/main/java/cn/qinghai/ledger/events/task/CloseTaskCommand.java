package cn.qinghai.ledger.events.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 销号: the office closes a task whose completion was submitted. */
public record CloseTaskCommand(@TargetAggregateIdentifier String taskId, String note, LocalDate closedOn) {}
