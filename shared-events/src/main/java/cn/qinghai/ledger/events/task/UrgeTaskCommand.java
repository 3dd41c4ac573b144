package cn.qinghai.ledger.events.task;

import java.time.OffsetDateTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 催办: the office urges the units on. */
public record UrgeTaskCommand(@TargetAggregateIdentifier String taskId, String note, OffsetDateTime urgedAt) {}
