package cn.qinghai.ledger.command.lookup;

import static cn.qinghai.ledger.events.RuleViolatedException.conflict;
import static cn.qinghai.ledger.events.RuleViolatedException.rule;

import cn.qinghai.ledger.command.circular.CircularRules;
import cn.qinghai.ledger.command.conference.ConferenceRules;
import cn.qinghai.ledger.command.meeting.MeetingRules;
import cn.qinghai.ledger.command.task.TaskRules;
import cn.qinghai.ledger.events.circular.CircularIssuedEvent;
import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.events.meeting.MinutesDocumentNumber;
import cn.qinghai.ledger.events.meeting.MinutesIssuedEvent;
import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import cn.qinghai.ledger.events.task.TaskClosedEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the lookup tables in step with the events, in the same transaction as the events themselves
 * (a subscribing processor: see {@link LookupConfiguration}). Written so that applying an event twice
 * leaves the same rows.
 *
 * <p>The cross-aggregate rules are decided by the aggregates from these tables, and held again here by the
 * database, because two command-side instances may decide at the same moment from the same rows: a unit's
 * row is locked while a task is assigned to it or while it is removed, and checked again under the lock
 * (so one of "remove the unit" and "assign it a task" loses); a minutes number is a primary key, locked or
 * inserted, so two meetings cannot both take it. The loser's command fails with the rule's name and
 * nothing of it is stored.
 */
@Component
@ProcessingGroup(RosterLookupProjection.GROUP)
class RosterLookupProjection {

    static final String GROUP = "command-lookups";

    private final EntityManager entityManager;

    RosterLookupProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(ConferenceEstablishedEvent e) {
        LookupRows.ConferenceRow row = entityManager.find(LookupRows.ConferenceRow.class, e.conferenceId());
        if (row == null) {
            entityManager.persist(new LookupRows.ConferenceRow(e.conferenceId(), e.establishedOn()));
        } else {
            row.establishedOn = e.establishedOn();
        }
    }

    @EventHandler
    void on(ConferenceDissolvedEvent e) {
        entityManager.find(LookupRows.ConferenceRow.class, e.conferenceId()).dissolved = true;
    }

    @EventHandler
    void on(MemberUnitAddedEvent e) {
        entityManager.merge(new LookupRows.UnitRow(e.conferenceId(), e.unitCode(), e.name()));
    }

    @EventHandler
    void on(MemberUnitRemovedEvent e) {
        LookupRows.UnitRow unit = entityManager.find(
                LookupRows.UnitRow.class, e.conferenceId() + "/" + e.unitCode(), LockModeType.PESSIMISTIC_WRITE);
        long open = entityManager
                .createQuery(
                        "select count(t) from LookupTaskUnit t "
                                + "where t.conferenceId = :c and t.unitCode = :u and t.open = true",
                        Long.class)
                .setParameter("c", e.conferenceId())
                .setParameter("u", e.unitCode())
                .getSingleResult();
        if (open > 0) {
            throw rule(
                    ConferenceRules.UNIT_WITH_OPEN_TASKS_STAYS,
                    "unit " + e.unitCode() + " was given " + open
                            + " open task(s) meanwhile; close or reassign them before removing the unit");
        }
        unit.active = false;
        if (e.vacatedPersonId() != null) {
            removeSeat(e.conferenceId(), e.vacatedPersonId());
        }
    }

    @EventHandler
    void on(MemberAppointedEvent e) {
        entityManager.merge(new LookupRows.SeatRow(
                e.conferenceId(), e.personId(), e.name(), e.role().name(), e.unitCode()));
    }

    @EventHandler
    void on(MemberReplacedEvent e) {
        removeSeat(e.conferenceId(), e.outgoingPersonId());
        entityManager.merge(new LookupRows.SeatRow(
                e.conferenceId(),
                e.incoming().personId(),
                e.incoming().name(),
                e.role().name(),
                e.unitCode()));
    }

    @EventHandler
    void on(SeatSucceededEvent e) {
        removeSeat(e.conferenceId(), e.outgoingPersonId());
        entityManager.merge(new LookupRows.SeatRow(
                e.conferenceId(),
                e.incoming().personId(),
                e.incoming().name(),
                e.role().name(),
                e.unitCode()));
    }

    @EventHandler
    void on(TaskAssignedEvent e) {
        Set<String> units = new LinkedHashSet<>();
        units.add(e.leadUnitCode());
        units.addAll(e.coUnitCodes());
        for (String unit : units) {
            LookupRows.UnitRow row = entityManager.find(LookupRows.UnitRow.class, e.conferenceId() + "/" + unit);
            if (row != null) {
                entityManager.flush(); // a row added earlier in this transaction (a rebuild) must exist to be read
                // Read again under the lock: the row may be in this transaction's cache from the aggregate's own
                // check, and another instance may have removed the unit since.
                entityManager.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            }
            if (row == null || !row.active) {
                throw rule(
                        unit.equals(e.leadUnitCode())
                                ? TaskRules.ONE_ACTIVE_LEAD_UNIT
                                : TaskRules.CO_UNITS_ARE_ACTIVE_MEMBER_UNITS,
                        "unit " + unit + " was removed meanwhile");
            }
            entityManager.merge(new LookupRows.TaskUnitRow(e.taskId(), e.conferenceId(), unit));
        }
    }

    @EventHandler
    void on(TaskClosedEvent e) {
        entityManager
                .createQuery("update LookupTaskUnit t set t.open = false where t.taskId = :t")
                .setParameter("t", e.taskId())
                .executeUpdate();
    }

    /**
     * Takes the number in its normal form, whatever spelling the event carries (events from before numbers
     * were normalised carry the one typed), so that {@code [2025]} and {@code 〔2025〕} are one number.
     */
    @EventHandler
    void on(MinutesIssuedEvent e) {
        recordIssuedMatters(e);
        String documentNo = MinutesDocumentNumber.normalise(e.documentNo());
        LookupRows.MinutesNumberRow taken =
                entityManager.find(LookupRows.MinutesNumberRow.class, documentNo, LockModeType.PESSIMISTIC_WRITE);
        if (taken != null && taken.meetingId.equals(e.meetingId())) {
            return; // this very issue, applied again
        }
        if (taken != null) {
            throw minutesNumberTaken(documentNo);
        }
        try {
            entityManager.persist(new LookupRows.MinutesNumberRow(documentNo, e.meetingId()));
            entityManager.flush(); // another transaction inserting the same number waits here, then one fails
        } catch (PersistenceException alreadyInserted) {
            throw minutesNumberTaken(documentNo);
        }
    }

    /** A circular's number, held like a minutes number: a primary key, so two circulars cannot both take it. */
    @EventHandler
    void on(CircularIssuedEvent e) {
        String documentNo = MinutesDocumentNumber.normalise(e.documentNo());
        LookupRows.CircularNumberRow taken =
                entityManager.find(LookupRows.CircularNumberRow.class, documentNo, LockModeType.PESSIMISTIC_WRITE);
        if (taken != null && taken.circularId.equals(e.circularId())) {
            return; // this very issue, applied again
        }
        RuntimeException refusal = conflict(
                CircularRules.CIRCULAR_NUMBER_UNIQUE,
                "document number " + documentNo + " was taken by another circular meanwhile");
        if (taken != null) {
            throw refusal;
        }
        try {
            entityManager.persist(new LookupRows.CircularNumberRow(documentNo, e.circularId()));
            entityManager.flush();
        } catch (PersistenceException alreadyInserted) {
            throw refusal;
        }
    }

    /**
     * Rewrites numbers kept in another spelling (by a version that did not normalise them) into their
     * normal form, once, at start-up; a number two meetings hold in two spellings keeps its first holder,
     * as the rebuild would. Returns how many rows changed.
     */
    int normaliseMinutesNumbers() {
        int changed = 0;
        List<LookupRows.MinutesNumberRow> rows = entityManager
                .createQuery(
                        "select m from LookupMinutesNumber m order by m.documentNo", LookupRows.MinutesNumberRow.class)
                .getResultList();
        for (LookupRows.MinutesNumberRow row : rows) {
            String normal = MinutesDocumentNumber.normalise(row.documentNo);
            if (normal.equals(row.documentNo)) {
                continue;
            }
            String meetingId = row.meetingId;
            entityManager.remove(row);
            entityManager.flush();
            if (entityManager.find(LookupRows.MinutesNumberRow.class, normal) == null) {
                entityManager.persist(new LookupRows.MinutesNumberRow(normal, meetingId));
                entityManager.flush();
            }
            changed++;
        }
        return changed;
    }

    /**
     * The agreed matters the minutes carry, each kept with the first minutes that issued it (a correction
     * carries them again under its own number). Applying the event twice leaves the same rows.
     */
    void recordIssuedMatters(MinutesIssuedEvent e) {
        String documentNo = MinutesDocumentNumber.normalise(e.documentNo());
        for (String decisionId : e.decisionIds() == null ? List.<String>of() : e.decisionIds()) {
            if (entityManager.find(LookupRows.IssuedMatterRow.class, e.meetingId() + "/" + decisionId) == null) {
                entityManager.persist(
                        new LookupRows.IssuedMatterRow(e.meetingId(), decisionId, documentNo, e.issuedOn()));
            }
        }
    }

    private static RuntimeException minutesNumberTaken(String documentNo) {
        return conflict(
                MeetingRules.MINUTES_NUMBER_UNIQUE,
                "document number " + documentNo + " was taken by another meeting meanwhile");
    }

    private void removeSeat(String conferenceId, String personId) {
        LookupRows.SeatRow seat = entityManager.find(LookupRows.SeatRow.class, conferenceId + "/" + personId);
        if (seat != null) {
            entityManager.remove(seat);
        }
    }
}
