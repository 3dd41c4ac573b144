package cn.qinghai.ledger.command.lookup;

import cn.qinghai.ledger.events.conference.SeatRole;
import cn.qinghai.ledger.events.meeting.MinutesDocumentNumber;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Read access to the command-side lookup tables, for command handlers of the Meeting, Task and Circular
 * aggregates (Axon injects it as a handler parameter) and for the Conference's unit removal and the
 * decisions its roster changes cite.
 */
@Component
public class RosterLookup {

    /** An agreed matter of issued minutes: the number and issue date of the minutes that first issued it. */
    public record IssuedMatter(String documentNo, LocalDate issuedOn) {}

    /** A seat as the command side needs it. */
    public record Seat(String personId, String name, SeatRole role, String unitCode) {}

    private final EntityManager entityManager;

    public RosterLookup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean conferenceExists(String conferenceId) {
        return entityManager.find(LookupRows.ConferenceRow.class, conferenceId) != null;
    }

    public boolean isDissolved(String conferenceId) {
        var row = entityManager.find(LookupRows.ConferenceRow.class, conferenceId);
        return row != null && row.dissolved;
    }

    /**
     * The day the conference was established; empty for an unknown conference, and for lookups written
     * before the date was kept (until they are rebuilt: docs/operations.md).
     */
    public Optional<LocalDate> establishedOn(String conferenceId) {
        var row = entityManager.find(LookupRows.ConferenceRow.class, conferenceId);
        return Optional.ofNullable(row).map(r -> r.establishedOn);
    }

    public Optional<Seat> seat(String conferenceId, String personId) {
        var row = entityManager.find(LookupRows.SeatRow.class, conferenceId + "/" + personId);
        return Optional.ofNullable(row).map(RosterLookup::seat);
    }

    public Optional<Seat> convener(String conferenceId) {
        return entityManager
                .createQuery(
                        "select s from LookupSeat s where s.conferenceId = :c and s.role = :r",
                        LookupRows.SeatRow.class)
                .setParameter("c", conferenceId)
                .setParameter("r", SeatRole.CONVENER.name())
                .getResultStream()
                .findFirst()
                .map(RosterLookup::seat);
    }

    public boolean isActiveUnit(String conferenceId, String unitCode) {
        var row = entityManager.find(LookupRows.UnitRow.class, conferenceId + "/" + unitCode);
        return row != null && row.active;
    }

    public Optional<String> unitName(String conferenceId, String unitCode) {
        var row = entityManager.find(LookupRows.UnitRow.class, conferenceId + "/" + unitCode);
        return Optional.ofNullable(row).map(r -> r.name);
    }

    /** Active unit codes in the order they joined. */
    public List<String> activeUnits(String conferenceId) {
        return entityManager
                .createQuery(
                        "select u.unitCode from LookupUnit u "
                                + "where u.conferenceId = :c and u.active = true order by u.unitCode",
                        String.class)
                .setParameter("c", conferenceId)
                .getResultList();
    }

    /** Open tasks in which the unit is the lead or a co-unit. */
    public long openTasksOf(String conferenceId, String unitCode) {
        return entityManager
                .createQuery(
                        "select count(t) from LookupTaskUnit t "
                                + "where t.conferenceId = :c and t.unitCode = :u and t.open = true",
                        Long.class)
                .setParameter("c", conferenceId)
                .setParameter("u", unitCode)
                .getSingleResult();
    }

    public boolean taskExists(String taskId) {
        return !entityManager
                .createQuery("select t.id from LookupTaskUnit t where t.taskId = :t", String.class)
                .setParameter("t", taskId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The conference a task belongs to; empty for an unknown task. */
    public Optional<String> conferenceOfTask(String taskId) {
        return entityManager
                .createQuery("select t.conferenceId from LookupTaskUnit t where t.taskId = :t", String.class)
                .setParameter("t", taskId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** The units a task involves (lead and co-units); empty for an unknown task. */
    public List<String> unitsOfTask(String taskId) {
        return entityManager
                .createQuery("select t.unitCode from LookupTaskUnit t where t.taskId = :t", String.class)
                .setParameter("t", taskId)
                .getResultList();
    }

    /** Whether the number is taken, in whichever spelling it was typed ({@link MinutesDocumentNumber}). */
    public boolean minutesNumberTaken(String documentNo) {
        return entityManager.find(LookupRows.MinutesNumberRow.class, MinutesDocumentNumber.normalise(documentNo))
                != null;
    }

    /** Whether a circular (通报) was issued under the number, in whichever spelling it was typed. */
    public boolean circularNumberTaken(String documentNo) {
        return entityManager.find(LookupRows.CircularNumberRow.class, MinutesDocumentNumber.normalise(documentNo))
                != null;
    }

    /** The document numbers of the minutes a meeting has issued (a correction adds one); empty if none. */
    public List<String> issuedMinutesOf(String meetingId) {
        return entityManager
                .createQuery(
                        "select m.documentNo from LookupMinutesNumber m where m.meetingId = :m "
                                + "order by m.documentNo",
                        String.class)
                .setParameter("m", meetingId)
                .getResultList();
    }

    /** Agreed matter {@code decisionId} of meeting {@code meetingId}, if issued minutes carry it. */
    public Optional<IssuedMatter> issuedMatter(String meetingId, String decisionId) {
        var row = entityManager.find(LookupRows.IssuedMatterRow.class, meetingId + "/" + decisionId);
        return row == null ? Optional.empty() : Optional.of(new IssuedMatter(row.documentNo, row.issuedOn));
    }

    private static Seat seat(LookupRows.SeatRow row) {
        return new Seat(row.personId, row.name, SeatRole.valueOf(row.role), row.unitCode);
    }
}
