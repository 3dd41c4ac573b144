package cn.qinghai.ledger.events.meeting;

import java.time.OffsetDateTime;

/** A meeting as the list shows it: what, when, where, who convened it, and how far its minutes are. */
public record MeetingRow(
        String meetingId,
        String conferenceId,
        MeetingKind kind,
        String topic,
        OffsetDateTime scheduledAt,
        String location,
        String convenedBy,
        String convenerName,
        int currentMinutesVersion,
        MinutesState minutesState,
        int decisions,
        boolean cancelled) {}
