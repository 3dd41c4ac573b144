package cn.qinghai.ledger.events.conference;

/**
 * The member changes (成员调整) of a conference, newest first; {@code status} and {@code unitCode} may be
 * null (any). Answered with a {@link MemberChangeList}.
 */
public record FindMemberChangesQuery(String conferenceId, MemberChangeList.Status status, String unitCode) {}
