package cn.qinghai.ledger.query.roster;

import cn.qinghai.ledger.events.conference.*;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;

/**
 * A small conference in the roster read model, for the tests of the read models that label units or
 * combine the directory with their own data: 省卫生健康委 (health, hosting the office), 省教育厅
 * (education) and 省财政厅 (finance), each with a member; education has a liaison.
 */
public final class RosterFixture {

    public static final LocalDate ESTABLISHED = LocalDate.of(2021, 8, 12);

    private RosterFixture() {}

    public static void seed(MongoDatabase db, String conferenceId) {
        RosterProjection roster = new RosterProjection(db);
        String cid = conferenceId;
        LocalDate d = ESTABLISHED;
        long seq = 0;
        roster.on(new ConferenceEstablishedEvent(cid, "联席会议", "青政办函〔2021〕138号", List.of(), "health", d), seq++);
        roster.on(new MemberUnitAddedEvent(cid, "health", "省卫生健康委", List.of("牵头"), d), seq++);
        roster.on(new MemberUnitAddedEvent(cid, "education", "省教育厅", List.of("人才培养"), d), seq++);
        roster.on(new MemberUnitAddedEvent(cid, "finance", "省财政厅", List.of("资金保障"), d), seq++);
        roster.on(new MemberAppointedEvent(cid, "su", "苏全仁", "省卫生健康委主任", SeatRole.DEPUTY_CONVENER, "health", d), seq++);
        roster.on(new MemberAppointedEvent(cid, "zhong", "钟泽海", "省教育厅副厅长", SeatRole.MEMBER, "education", d), seq++);
        roster.on(new MemberAppointedEvent(cid, "zhou", "周宁", "省财政厅副厅长", SeatRole.MEMBER, "finance", d), seq++);
        roster.on(new LiaisonFiledEvent(cid, "education", "李一", "处长", "0971-1", d), seq);
    }
}
