package cn.qinghai.ledger.events.circular;

import cn.qinghai.ledger.events.ChineseName;
import cn.qinghai.ledger.events.task.CircularView;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A circular (通报) of the period {@code from}–{@code to} is issued under {@code documentNo} (in its normal
 * form) to {@code distribution}, with its commendation (表扬) and urging (督促) text and the figures it
 * reports ({@code figures}: the statistics table as issued — per lead unit, totals, overdue tasks). The
 * figures are part of the event, so the document is rebuilt from the event store and is evidence in the
 * audit trail; the shape of {@link CircularView} is therefore part of this event's contract (a change of it
 * needs a new revision and an upcaster). Issued circulars do not change.
 */
@ChineseName("通报印发")
@Revision("1")
public record CircularIssuedEvent(
        String circularId,
        String conferenceId,
        LocalDate from,
        LocalDate to,
        String documentNo,
        List<String> distribution,
        String commendation,
        String urging,
        LocalDate issuedOn,
        CircularView figures) {}
