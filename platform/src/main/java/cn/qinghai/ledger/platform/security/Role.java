package cn.qinghai.ledger.platform.security;

/** What a signed-in user is allowed to do, broadly; finer rules live with each endpoint. */
public enum Role {
    /** 联席会议办公室: records meetings, decisions, approvals, supervises tasks. */
    OFFICE,
    /** A member unit's user, bound to one unit code: acts on its own matters only. */
    UNIT,
    /** Reads everything, including the audit trail; writes nothing. */
    AUDITOR,
    /** Reads dashboards and read models; writes nothing. */
    VIEWER,
    /** Operates the system: projection replays, dead letters, users. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
