package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;

public record ConferenceSummary(
        String conferenceId, String name, String documentNo, LocalDate establishedOn, ConferenceStatus status) {}
