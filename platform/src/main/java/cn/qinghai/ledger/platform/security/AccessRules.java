package cn.qinghai.ledger.platform.security;

import static cn.qinghai.ledger.platform.security.Role.ADMIN;
import static cn.qinghai.ledger.platform.security.Role.AUDITOR;
import static cn.qinghai.ledger.platform.security.Role.OFFICE;
import static cn.qinghai.ledger.platform.security.Role.UNIT;
import static cn.qinghai.ledger.platform.security.Role.VIEWER;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the authorization matrix of the API, checked before a request reaches a
 * controller (so a refused request is 403 whatever its body). Roles follow the notice: the office
 * records meetings, decisions, minutes, approvals, urgings, extensions, closures and liaison filings
 * and issues circulars; it opens, urges and closes the rounds of periodic work reports (报送轮次);
 * a unit submits its own periodic work report,
 * proposes its own member changes, files its own liaison and acknowledges, reports on and
 * completes its own tasks (which of its tasks is checked by the endpoint); auditors read everything
 * including the audit trail; viewers read the read models but not the audit trail; admins run
 * projections and dead letters. The raw event feed ({@code /api/events}, its stream) is read by the
 * office, auditors and admins (and the service accounts of subscribing systems, given one of those
 * roles): every event names who entered it, for which unit and why, which is the audit trail's
 * information, not a dashboard's; units and viewers follow the read models and their live streams
 * instead. The event catalogue (types and fields, no data) is for every reader. Any {@code /api} route
 * not listed here is refused.
 */
public final class AccessRules {

    public record Rule(HttpMethod method, String pattern, List<Role> roles) {}

    private static final List<Role> READERS = List.of(OFFICE, UNIT, AUDITOR, VIEWER, ADMIN);

    public static final List<Rule> RULES = List.of(
            // conference and roster (联席会议, 成员, 联络员)
            rule(HttpMethod.POST, "/api/conferences", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/units", OFFICE),
            rule(HttpMethod.PUT, "/api/conferences/*/units/*/duties", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/units/*/removal", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/members", OFFICE),
            rule(HttpMethod.PUT, "/api/conferences/*/office-director", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/member-changes", UNIT),
            rule(HttpMethod.POST, "/api/conferences/*/member-changes/*/confirmation", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/member-changes/*/rejection", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/seats/*/succession", OFFICE),
            rule(HttpMethod.PUT, "/api/conferences/*/units/*/liaison", OFFICE, UNIT),
            rule(HttpMethod.POST, "/api/conferences/*/dissolution", OFFICE),
            // meetings (会议, 纪要, 报批): recorded by the office
            rule(HttpMethod.POST, "/api/meetings", OFFICE),
            rule(HttpMethod.POST, "/api/meetings/*/**", OFFICE),
            // tasks (督办): the office supervises, units act on their own tasks
            rule(HttpMethod.POST, "/api/tasks", OFFICE),
            rule(HttpMethod.POST, "/api/tasks/*/acknowledgement", UNIT),
            rule(HttpMethod.POST, "/api/tasks/*/progress", UNIT),
            rule(HttpMethod.POST, "/api/tasks/*/extension-requests", UNIT),
            rule(HttpMethod.POST, "/api/tasks/*/completion", UNIT),
            rule(HttpMethod.POST, "/api/tasks/*/urgings", OFFICE),
            rule(HttpMethod.POST, "/api/tasks/*/extension-requests/*/grant", OFFICE),
            rule(HttpMethod.POST, "/api/tasks/*/extension-requests/*/denial", OFFICE),
            rule(HttpMethod.POST, "/api/tasks/*/closure", OFFICE),
            rule(HttpMethod.POST, "/api/tasks/*/return", OFFICE),
            // circulars (通报): issued by the office, read like the circular of a period
            rule(HttpMethod.POST, "/api/circulars/issued", OFFICE),
            // periodic work reports (工作情况定期报送): the office runs the rounds, a unit submits its own report
            rule(HttpMethod.POST, "/api/conferences/*/reporting-rounds", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/reporting-rounds/*/expected-units", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/reporting-rounds/*/urgings", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/reporting-rounds/*/closure", OFFICE),
            rule(HttpMethod.POST, "/api/conferences/*/reporting-rounds/*/reports", UNIT),
            rule(HttpMethod.POST, "/api/circulars/issued/*/corrections", OFFICE),
            // audit trail: not for viewers or units
            rule(HttpMethod.GET, "/api/audit", AUDITOR, ADMIN, OFFICE),
            rule(HttpMethod.GET, "/api/audit/**", AUDITOR, ADMIN, OFFICE),
            // the raw event feed: who did what, like the audit trail; its catalogue holds no data
            new Rule(HttpMethod.GET, "/api/events/catalogue", READERS),
            rule(HttpMethod.GET, "/api/events", OFFICE, AUDITOR, ADMIN),
            rule(HttpMethod.GET, "/api/events/**", OFFICE, AUDITOR, ADMIN),
            // operations
            rule(HttpMethod.GET, "/api/admin/**", ADMIN, AUDITOR),
            rule(HttpMethod.POST, "/api/admin/**", ADMIN),
            rule(HttpMethod.DELETE, "/api/admin/**", ADMIN),
            // every other read model
            new Rule(HttpMethod.GET, "/api/**", READERS));

    private AccessRules() {}

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, List.of(roles));
    }
}
