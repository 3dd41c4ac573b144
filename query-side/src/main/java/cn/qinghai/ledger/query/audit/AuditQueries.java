package cn.qinghai.ledger.query.audit;

import java.time.ZoneId;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The query handler of the audit trail (see {@link AuditTrailProjection}). */
@Component
public class AuditQueries {

    private final AuditTrail trail;
    private final ZoneId zone;

    public AuditQueries(AuditTrail trail, @Value("${ledger.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.trail = trail;
        this.zone = zone;
    }

    @QueryHandler
    public AuditPage handle(FindAuditEntriesQuery query) {
        Bson filter = query.filter().toBson();
        List<AuditEntry> items = trail.page(filter, query.page(), query.size()).stream()
                .map(d -> AuditEntry.of(d, zone))
                .toList();
        return new AuditPage(items, trail.count(filter));
    }
}
