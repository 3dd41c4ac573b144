package cn.qinghai.ledger.query.reporting;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.reporting.FindReportingRoundQuery;
import cn.qinghai.ledger.events.reporting.FindReportingRoundsQuery;
import cn.qinghai.ledger.events.reporting.ReportingKind;
import cn.qinghai.ledger.events.reporting.ReportingRoundList;
import cn.qinghai.ledger.events.reporting.ReportingRoundView;
import cn.qinghai.ledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reporting rounds (报送轮次) of a conference: the list, latest opened first (only open ones with
 * {@code open=true}; only those expecting a unit, each with that unit's line, with {@code unitCode}), and one
 * round with every expected unit's state (已报送 / 逾期报送 / 未报送 / 逾期未报送) on the service's today.
 */
@RestController
@Validated
@Tag(name = "reporting", description = "工作情况定期报送: rounds and who has reported")
class ReportingRoundsController {

    private final QueryGateway queries;

    ReportingRoundsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/conferences/{cid}/reporting-rounds")
    @Operation(summary = "reporting rounds (报送轮次), latest opened first")
    ReportingRoundList rounds(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String unitCode,
            @RequestParam(required = false, defaultValue = "false") boolean open) {
        return queries.query(new FindReportingRoundsQuery(cid, unitCode, open), ReportingRoundList.class)
                .join();
    }

    @GetMapping("/api/conferences/{cid}/reporting-rounds/{period}")
    @Operation(summary = "one reporting round with each expected unit's state")
    ReportingRoundView round(
            @PathVariable("cid") @Pattern(regexp = Ids.PATTERN) String cid,
            @PathVariable("period") @Pattern(regexp = ReportingKind.PERIOD_PATTERN) String period) {
        return queries.query(
                        new FindReportingRoundQuery(ReportingKind.roundId(cid, period)),
                        ResponseTypes.optionalInstanceOf(ReportingRoundView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("no reporting round " + period + " in conference " + cid));
    }
}
