package cn.qinghai.ledger.events.meeting;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Who came: every participant unit is present or absent (with a reason); stand-ins attend for a unit. */
public record RecordAttendanceCommand(
        @TargetAggregateIdentifier String meetingId,
        List<String> present,
        List<Absence> absent,
        List<StandIn> standIns) {}
