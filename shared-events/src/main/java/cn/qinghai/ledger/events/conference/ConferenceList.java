package cn.qinghai.ledger.events.conference;

import java.util.List;

public record ConferenceList(List<ConferenceSummary> items, long total) {}
