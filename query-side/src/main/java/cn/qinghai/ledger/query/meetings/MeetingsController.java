package cn.qinghai.ledger.query.meetings;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.meeting.*;
import cn.qinghai.ledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings (会议) with attendance, decisions and minutes, and the decision register (docs/api.md, query side). */
@RestController
@Validated
@Tag(name = "meetings", description = "会议, 会议纪要 and the register of 议定事项")
class MeetingsController {

    private final QueryGateway queries;
    private final Clock clock;

    MeetingsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/meetings")
    MeetingList meetings(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindMeetingsQuery(conferenceId, page, size), MeetingList.class)
                .join();
    }

    @GetMapping("/api/meetings/{mid}")
    MeetingView meeting(@PathVariable("mid") @Pattern(regexp = Ids.PATTERN) String mid) {
        return queries.query(new FindMeetingQuery(mid), ResponseTypes.optionalInstanceOf(MeetingView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("no meeting " + mid));
    }

    /**
     * The number to offer for the next minutes of a series (纪要文号), e.g. {@code prefix=青联办纪&year=2025} →
     * {@code 青联办纪〔2025〕4号}. The year defaults to this year; without a prefix the series of the
     * conference's latest issued minutes is continued.
     */
    @GetMapping("/api/minutes/next-number")
    NextMinutesNumber nextMinutesNumber(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(required = false) @Size(max = 50) String prefix,
            @RequestParam(required = false) @Min(1949) @Max(9999) Integer year) {
        return queries.query(
                        new FindNextMinutesNumberQuery(
                                conferenceId,
                                prefix,
                                year == null ? LocalDate.now(clock).getYear() : year),
                        NextMinutesNumber.class)
                .join();
    }

    @GetMapping("/api/decisions")
    DecisionRegister decisions(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String meetingId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindDecisionsQuery(conferenceId, meetingId, page, size), DecisionRegister.class)
                .join();
    }
}
