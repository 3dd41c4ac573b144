package cn.qinghai.ledger.query.admin;

import cn.qinghai.ledger.events.Ids;
import cn.qinghai.ledger.platform.web.NotFoundException;
import cn.qinghai.ledger.query.admin.ProjectionStatus.ProcessorView;
import cn.qinghai.ledger.query.admin.ProjectionStatus.ProjectionsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on projections: where each processing group stands (administrators and auditors), and
 * rebuilding one into a fresh copy while the old copy keeps serving (administrators only).
 */
@RestController
@Validated
@Tag(name = "admin", description = "projections: positions, lag, rebuilds without a gap for readers")
class ProjectionAdminController {

    private static final String READERS = "hasAnyRole('ADMIN', 'AUDITOR')";

    private final ProjectionStatus status;
    private final ProjectionReplays replays;

    ProjectionAdminController(ProjectionStatus status, ProjectionReplays replays) {
        this.status = status;
        this.replays = replays;
    }

    @GetMapping("/api/admin/projections")
    @PreAuthorize(READERS)
    @Operation(summary = "Each processing group's position, the event store's head, lag and rebuild progress")
    ProjectionsView projections() {
        return status.all();
    }

    @GetMapping("/api/admin/projections/{name}")
    @PreAuthorize(READERS)
    ProcessorView projection(@PathVariable("name") @Pattern(regexp = Ids.PATTERN) String name) {
        return status.one(name).orElseThrow(() -> new NotFoundException("no projection " + name));
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Rebuilds the projection from the first event into a fresh copy; readers keep the old copy"
                    + " until the new one has caught up, then switch at once")
    ResponseEntity<ReplayProgress> replay(@PathVariable("name") @Pattern(regexp = Ids.PATTERN) String name) {
        ReplayProgress started = replays.start(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(started);
    }
}
