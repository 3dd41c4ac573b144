package cn.qinghai.ledger.command.lookup;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.events.meeting.MinutesIssuedEvent;
import cn.qinghai.ledger.events.task.TaskAssignedEvent;
import cn.qinghai.ledger.events.task.TaskClosedEvent;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the lookup tables in step with the events, in the same transaction as the events themselves
 * (a subscribing processor: see {@link LookupConfiguration}). Written so that applying an event twice
 * leaves the same rows.
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
        if (entityManager.find(LookupRows.ConferenceRow.class, e.conferenceId()) == null) {
            entityManager.persist(new LookupRows.ConferenceRow(e.conferenceId()));
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
        LookupRows.UnitRow unit = entityManager.find(LookupRows.UnitRow.class, e.conferenceId() + "/" + e.unitCode());
        unit.active = false;
        if (e.vacatedPersonId() != null) {
            removeSeat(e.conferenceId(), e.vacatedPersonId());
        }
    }

    @EventHandler
    void on(MemberAppointedEvent e) {
        entityManager.merge(new LookupRows.SeatRow(e.conferenceId(), e.personId(), e.name(), e.role().name(),
                e.unitCode()));
    }

    @EventHandler
    void on(MemberReplacedEvent e) {
        removeSeat(e.conferenceId(), e.outgoingPersonId());
        entityManager.merge(new LookupRows.SeatRow(e.conferenceId(), e.incoming().personId(), e.incoming().name(),
                e.role().name(), e.unitCode()));
    }

    @EventHandler
    void on(TaskAssignedEvent e) {
        Set<String> units = new LinkedHashSet<>();
        units.add(e.leadUnitCode());
        units.addAll(e.coUnitCodes());
        for (String unit : units) {
            entityManager.merge(new LookupRows.TaskUnitRow(e.taskId(), e.conferenceId(), unit));
        }
    }

    @EventHandler
    void on(TaskClosedEvent e) {
        entityManager.createQuery("update LookupTaskUnit t set t.open = false where t.taskId = :t")
                .setParameter("t", e.taskId()).executeUpdate();
    }

    @EventHandler
    void on(MinutesIssuedEvent e) {
        entityManager.merge(new LookupRows.MinutesNumberRow(e.documentNo(), e.meetingId()));
    }

    private void removeSeat(String conferenceId, String personId) {
        LookupRows.SeatRow seat = entityManager.find(LookupRows.SeatRow.class, conferenceId + "/" + personId);
        if (seat != null) {
            entityManager.remove(seat);
        }
    }
}
