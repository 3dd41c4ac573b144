package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 联络员报联席会议办公室备案: a unit's liaison, effective when filed. Replaces the previous one.
 *
 * @param filing who filed it, on which day and with what reason: the conference decides from these how far
 *               back {@code effectiveOn} may reach
 */
public record FileLiaisonCommand(
        @TargetAggregateIdentifier String conferenceId,
        String unitCode,
        String name,
        String title,
        String phone,
        LocalDate effectiveOn,
        Filing filing) {

    /** A filing recorded by the office on its effective day, with no reason (fixtures, the seed loader). */
    public FileLiaisonCommand(
            String conferenceId, String unitCode, String name, String title, String phone, LocalDate effectiveOn) {
        this(conferenceId, unitCode, name, title, phone, effectiveOn, new Filing(effectiveOn, true, null));
    }

    /**
     * @param filedOn  the day the filing reached the ledger (the server's today, never the caller's)
     * @param byOffice whether the office records it (true) or the unit files it itself (false)
     * @param reason   why, when given; a backdated record by the office needs one
     */
    public record Filing(LocalDate filedOn, boolean byOffice, String reason) {

        public boolean reasoned() {
            return reason != null && !reason.isBlank();
        }
    }
}
