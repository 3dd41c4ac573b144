package cn.qinghai.ledger.events.meeting;

import cn.qinghai.ledger.events.ChineseName;
import org.axonframework.serialization.Revision;

/**
 * The convener's signature on minutes version {@code minutesVersion}, not issued yet, no longer stands:
 * the signed text goes back to the office to be changed (a matter's due dates, say) and is a draft
 * again, to be signed anew before it is issued. The version number stays: it was never issued.
 */
@ChineseName("纪要退回修改")
@Revision("1")
public record MinutesReturnedForRevisionEvent(String meetingId, int minutesVersion, String reason) {}
