package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.conference.LiaisonFiledEvent;
import cn.qinghai.ledger.events.conference.MemberAppointedEvent;
import cn.qinghai.ledger.events.conference.MemberChangeProposedEvent;
import cn.qinghai.ledger.events.conference.MemberChangeRejectedEvent;
import cn.qinghai.ledger.events.conference.MemberReplacedEvent;
import cn.qinghai.ledger.events.conference.MemberUnitAddedEvent;
import cn.qinghai.ledger.events.conference.MemberUnitRemovedEvent;
import cn.qinghai.ledger.events.conference.RosterChangeDecidedEvent;
import cn.qinghai.ledger.events.conference.SeatSucceededEvent;
import cn.qinghai.ledger.events.conference.UnitDutiesUpdatedEvent;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Which changes, made since the version a client read ({@code If-Match}), make its command on the
 * conference a conflict (409). The conference holds eighteen member units: a unit filing its liaison
 * need not have seen another unit's filing. A command about one unit conflicts with changes about that
 * unit and with changes of the whole conference (its seats without a unit, the office director, its
 * dissolution); a command about the whole conference conflicts with any change. The table is in
 * docs/optimistic-locking.md and checked by OptimisticLockingTest.
 */
final class ConferenceConflicts {

    static final Predicate<List<DomainEventMessage<?>>> ANY = events -> !events.isEmpty();

    private ConferenceConflicts() {}

    /** Conflicts with changes about {@code unitCode} or about the whole conference. */
    static Predicate<List<DomainEventMessage<?>>> aboutUnit(String unitCode) {
        if (unitCode == null) {
            return ANY;
        }
        return events ->
                events.stream().map(e -> unitOf(e.getPayload())).anyMatch(u -> u == null || u.equals(unitCode));
    }

    /** The member unit an event is about, or null for an event about the whole conference. */
    static String unitOf(Object payload) {
        if (payload instanceof LiaisonFiledEvent e) {
            return e.unitCode();
        } else if (payload instanceof MemberAppointedEvent e) {
            return e.unitCode();
        } else if (payload instanceof MemberChangeProposedEvent e) {
            return e.unitCode();
        } else if (payload instanceof MemberChangeRejectedEvent e) {
            return e.unitCode();
        } else if (payload instanceof MemberReplacedEvent e) {
            return e.officeDirectorVacated() ? null : e.unitCode();
        } else if (payload instanceof MemberUnitAddedEvent e) {
            return e.unitCode();
        } else if (payload instanceof MemberUnitRemovedEvent e) {
            return e.unitCode();
        } else if (payload instanceof UnitDutiesUpdatedEvent e) {
            return e.unitCode();
        } else if (payload instanceof SeatSucceededEvent e) {
            return e.officeDirector() != null ? null : e.unitCode();
        } else if (payload instanceof RosterChangeDecidedEvent e) {
            return e.unitCode(); // follows the change it decided, which already conflicts at least as widely
        }
        return null;
    }
}
