package cn.qinghai.ledger.events.meeting;

/**
 * The next free number of a series of minutes (纪要文号): the highest serial issued under {@code prefix}
 * in {@code year} plus one, 1 when none is. Without a prefix, the series of the conference's latest issued
 * minutes is continued ({@code conferenceId} may be null for any conference).
 */
public record FindNextMinutesNumberQuery(String conferenceId, String prefix, int year) {}
