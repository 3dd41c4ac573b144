package cn.qinghai.ledger.query.dashboard;

import cn.qinghai.ledger.platform.security.LedgerUser;
import cn.qinghai.ledger.platform.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, so that the dashboard shows the user and offers only what the role may do. */
@RestController
@Tag(name = "dashboard", description = "who is signed in")
class MeController {

    /**
     * {@code unitCode} is the unit a UNIT user acts for (the office's host unit for the office), else null;
     * {@code conferenceId} the conference of that unit for a UNIT user, else null (any conference).
     */
    record Me(String username, String displayName, Role role, String unitCode, String conferenceId) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal LedgerUser user, CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken(); // a session that lost its XSRF-TOKEN cookie gets a new one here
        }
        return new Me(user.getUsername(), user.displayName(), user.role(), user.unitCode(), user.conferenceId());
    }
}
