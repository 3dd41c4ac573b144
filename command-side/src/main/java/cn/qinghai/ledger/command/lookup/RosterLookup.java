package cn.qinghai.ledger.command.lookup;

import cn.qinghai.ledger.events.conference.SeatRole;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Read access to the command-side lookup tables, for command handlers of the Meeting and Task
 * aggregates (Axon injects it as a handler parameter) and for the Conference's unit removal and the
 * decisions its roster changes cite.
 */
@Component
public class RosterLookup {

    /** A seat as the command side needs it. */
    public record Seat(String personId, String name, SeatRole role, String unitCode) {
    }

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

    public Optional<Seat> seat(String conferenceId, String personId) {
        var row = entityManager.find(LookupRows.SeatRow.class, conferenceId + "/" + personId);
        return Optional.ofNullable(row).map(RosterLookup::seat);
    }

    public Optional<Seat> convener(String conferenceId) {
        return entityManager.createQuery("select s from LookupSeat s where s.conferenceId = :c and s.role = :r",
                        LookupRows.SeatRow.class)
                .setParameter("c", conferenceId).setParameter("r", SeatRole.CONVENER.name())
                .getResultStream().findFirst().map(RosterLookup::seat);
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
        return entityManager.createQuery("select u.unitCode from LookupUnit u "
                        + "where u.conferenceId = :c and u.active = true order by u.unitCode", String.class)
                .setParameter("c", conferenceId).getResultList();
    }

    /** Open tasks in which the unit is the lead or a co-unit. */
    public long openTasksOf(String conferenceId, String unitCode) {
        return entityManager.createQuery("select count(t) from LookupTaskUnit t "
                        + "where t.conferenceId = :c and t.unitCode = :u and t.open = true", Long.class)
                .setParameter("c", conferenceId).setParameter("u", unitCode).getSingleResult();
    }

    public boolean taskExists(String taskId) {
        return !entityManager.createQuery("select t.id from LookupTaskUnit t where t.taskId = :t", String.class)
                .setParameter("t", taskId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The conference a task belongs to; empty for an unknown task. */
    public Optional<String> conferenceOfTask(String taskId) {
        return entityManager.createQuery("select t.conferenceId from LookupTaskUnit t where t.taskId = :t",
                        String.class)
                .setParameter("t", taskId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The units a task involves (lead and co-units); empty for an unknown task. */
    public List<String> unitsOfTask(String taskId) {
        return entityManager.createQuery("select t.unitCode from LookupTaskUnit t where t.taskId = :t", String.class)
                .setParameter("t", taskId).getResultList();
    }

    public boolean minutesNumberTaken(String documentNo) {
        return entityManager.find(LookupRows.MinutesNumberRow.class, documentNo) != null;
    }

    /** The document numbers of the minutes a meeting has issued (a correction adds one); empty if none. */
    public List<String> issuedMinutesOf(String meetingId) {
        return entityManager.createQuery("select m.documentNo from LookupMinutesNumber m where m.meetingId = :m "
                        + "order by m.documentNo", String.class)
                .setParameter("m", meetingId).getResultList();
    }

    private static Seat seat(LookupRows.SeatRow row) {
        return new Seat(row.personId, row.name, SeatRole.valueOf(row.role), row.unitCode);
    }
}
