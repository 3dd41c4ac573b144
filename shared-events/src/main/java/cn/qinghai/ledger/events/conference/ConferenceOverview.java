package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;

/**
 * What the conference is (name, 文号, basis), who hosts its office and directs it, and how many
 * member units, seats, liaisons and pending member changes it has now.
 */
public record ConferenceOverview(
        String conferenceId,
        String name,
        String documentNo,
        List<String> basisDocuments,
        LocalDate establishedOn,
        ConferenceStatus status,
        LocalDate dissolvedOn,
        Office office,
        Counts counts) {

    /** 联席会议办公室: the host unit and the director serving concurrently. */
    public record Office(String hostUnitCode, String hostUnitName, String directorPersonId, String directorName) {}

    public record Counts(int memberUnits, int seats, int liaisons, int pendingMemberChanges) {}
}
