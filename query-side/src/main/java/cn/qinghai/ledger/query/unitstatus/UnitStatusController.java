package cn.qinghai.ledger.query.unitstatus;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.events.task.FindUnitStatusBoardQuery;
import cn.qinghai.ledger.events.task.FindUnitStatusQuery;
import cn.qinghai.ledger.events.task.UnitStatusList;
import cn.qinghai.ledger.events.task.UnitStatusView;
import cn.qinghai.ledger.platform.web.NotFoundException;
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
 * The unit status board (docs/api.md: one row per unit, not paged: a conference has a few dozen units at
 * most) and one unit's status.
 */
@RestController
@Validated
@Tag(name = "units", description = "成员单位: duties, member, liaison and the status of their tasks")
class UnitStatusController {

    private final QueryGateway queries;

    UnitStatusController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/units")
    UnitStatusList units(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId,
            @RequestParam(defaultValue = "false") boolean includeRemoved) {
        return queries.query(new FindUnitStatusBoardQuery(conferenceId, includeRemoved), UnitStatusList.class)
                .join();
    }

    @GetMapping("/api/units/{unit}")
    UnitStatusView unit(
            @PathVariable("unit") @Pattern(regexp = Ids.PATTERN) String unit,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String conferenceId) {
        return queries.query(
                        new FindUnitStatusQuery(conferenceId, unit),
                        ResponseTypes.optionalInstanceOf(UnitStatusView.class))
                .join()
                .orElseThrow(() -> new NotFoundException("no member unit " + unit));
    }
}
