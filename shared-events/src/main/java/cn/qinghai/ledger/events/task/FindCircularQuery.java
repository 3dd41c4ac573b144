package cn.qinghai.ledger.events.task;

import java.time.LocalDate;

/**
 * The circular (通报) of a period, {@code from} to {@code to} inclusive, for one conference (all when
 * null). Answered with {@link CircularView}.
 */
public record FindCircularQuery(String conferenceId, LocalDate from, LocalDate to) {}
