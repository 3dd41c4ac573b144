package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.ChineseName;
import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An issued circular (通报) is corrected (更正) on {@code correctedOn} for {@code reason}: correction number
 * {@code correction} (1 for the first) gives the circular's distribution (分送), commendation (表扬), urging
 * (督促) and figures as they now read, in full. The circular as issued, and every earlier correction, stay as
 * they were recorded; the document number and period are those of the circular corrected. The figures are
 * part of the event as in {@link CircularIssuedEvent}.
 */
@ChineseName("通报更正")
@Revision("1")
public record CircularCorrectedEvent(
        String circularId,
        String conferenceId,
        int correction,
        LocalDate correctedOn,
        String reason,
        List<String> distribution,
        String commendation,
        String urging,
        CircularView figures) {}
