package cn.qinghai.ledger.events.meeting;

import java.util.List;

public record MeetingList(List<MeetingRow> items, long total) {}
