package cn.qinghai.ledger.command.circular;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.circular.CorrectCircularCommand;
import cn.qinghai.ledger.events.circular.IssueCircularCommand;
import cn.qinghai.ledger.events.task.CircularView;
import cn.qinghai.ledger.platform.web.Accepted;
import cn.qinghai.ledger.platform.web.Commands;
import cn.qinghai.ledger.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 印发通报 (docs/api.md): the office issues the circular of a period under a document number, with the
 * statistics table it issues ({@code figures}, as {@code GET /api/circulars} answered it); the issued circular
 * is read back from {@code GET /api/circulars/issued/{id}}.
 */
@RestController
@Validated
@Tag(name = "circulars", description = "通报: issuing a circular with its 文号, 分送, 表扬 and 督促")
class CircularIssueController {

    private static final String ID = Ids.PATTERN;

    record Issue(
            @NotNull @Pattern(regexp = ID) String circularId,
            @NotNull @Pattern(regexp = ID) String conferenceId,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotBlank @Size(max = 100) String documentNo,
            @NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 100) String> distribution,
            @Size(max = CircularRules.MAX_TEXT) String commendation,
            @Size(max = CircularRules.MAX_TEXT) String urging,
            LocalDate issuedOn,
            @NotNull CircularView figures,
            @Size(max = 500) String reason) {}

    record Correction(
            LocalDate correctedOn,
            @NotBlank @Size(max = 500) String reason,
            @NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 100) String> distribution,
            @Size(max = CircularRules.MAX_TEXT) String commendation,
            @Size(max = CircularRules.MAX_TEXT) String urging,
            @NotNull CircularView figures) {}

    private final Commands commands;
    private final Clock clock;

    CircularIssueController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/circulars/issued")
    ResponseEntity<Accepted> issue(
            @Valid @RequestBody Issue body, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new IssueCircularCommand(
                        body.circularId(),
                        body.conferenceId(),
                        body.from(),
                        body.to(),
                        body.documentNo(),
                        body.distribution(),
                        body.commendation(),
                        body.urging(),
                        body.issuedOn() == null ? LocalDate.now(clock) : body.issuedOn(),
                        body.figures()),
                body.reason());
        return Accepted.created(body.circularId(), "/api/circulars/issued/" + body.circularId());
    }

    /** 更正: the issued circular stays as issued; the correction gives it as it now reads, with why and when. */
    @PostMapping("/api/circulars/issued/{circularId}/corrections")
    ResponseEntity<Accepted> correct(
            @PathVariable("circularId") @Pattern(regexp = ID) String circularId,
            @Valid @RequestBody Correction body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        commands.send(
                IfMatch.parse(ifMatch),
                new CorrectCircularCommand(
                        circularId,
                        body.correctedOn() == null ? LocalDate.now(clock) : body.correctedOn(),
                        body.reason(),
                        body.distribution(),
                        body.commendation(),
                        body.urging(),
                        body.figures()),
                body.reason());
        return Accepted.ok(circularId);
    }
}
