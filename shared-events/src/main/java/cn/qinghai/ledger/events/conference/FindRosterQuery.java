package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;

/** Who held each seat, the office directorship and each liaison post on {@code asOf}. */
public record FindRosterQuery(String conferenceId, LocalDate asOf) {}
