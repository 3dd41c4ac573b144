package cn.qinghai.ledger.query.roster;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.platform.security.Caller;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.query.platform.ReasonVisibility;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of the conference and its roster (on any date). The unit directory is served with each unit's
 * tasks by the unit status board ({@code unitstatus}).
 */
@RestController
@Validated
@Tag(name = "roster", description = "联席会议 and 成员名单 (as of any date)")
class RosterController {

    private final QueryGateway queries;
    private final Clock clock;

    RosterController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/conferences")
    ConferenceList conferences(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindConferencesQuery(page, size), ConferenceList.class)
                .join();
    }

    @GetMapping("/api/conferences/{cid}")
    ConferenceOverview conference(@PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid) {
        return found(
                queries.query(new FindConferenceQuery(cid), ResponseTypes.optionalInstanceOf(ConferenceOverview.class))
                        .join(),
                "no conference " + cid);
    }

    @GetMapping("/api/conferences/{cid}/roster")
    RosterView roster(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return found(
                queries.query(new FindRosterQuery(cid, day), ResponseTypes.optionalInstanceOf(RosterView.class))
                        .join(),
                "no conference " + cid);
    }

    /** 成员调整: the member changes units proposed, newest first; the office confirms or rejects the pending ones. */
    @GetMapping("/api/conferences/{cid}/member-changes")
    MemberChangeList memberChanges(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @RequestParam(required = false) MemberChangeList.Status status,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unit) {
        return ReasonVisibility.forCaller(
                queries.query(new FindMemberChangesQuery(cid, status, unit), MemberChangeList.class)
                        .join(),
                Caller.current());
    }

    private static <T> T found(Optional<T> value, String message) {
        return value.orElseThrow(() -> new NotFoundException(message));
    }
}
