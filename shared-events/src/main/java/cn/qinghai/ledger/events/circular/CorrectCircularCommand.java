package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 更正: an issued circular is not edited; the office issues a correction that gives the corrected distribution,
 * texts and figures in full, with the reason and the day.
 */
public record CorrectCircularCommand(
        @TargetAggregateIdentifier String circularId,
        LocalDate correctedOn,
        String reason,
        List<String> distribution,
        String commendation,
        String urging,
        CircularView figures) {}
