package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The minutes of version {@code minutesVersion} are issued and immutable from now on; the decisions
 * they carry are {@code decisionIds}. A correction is a later version with its own document number.
 */
@ChineseName("纪要印发")
@Revision("1")
public record MinutesIssuedEvent(
        String meetingId,
        String conferenceId,
        int minutesVersion,
        String documentNo,
        List<String> distribution,
        LocalDate issuedOn,
        List<String> decisionIds) {}
