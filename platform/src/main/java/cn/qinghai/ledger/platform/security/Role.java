package cn.qinghai.ledger.platform.security;

/**
 * What a signed-in user is allowed to do, broadly; finer rules live with each endpoint. Each role has
 * the Chinese name the dashboard shows for it (DashboardDictionaryTest keeps the dashboard's words
 * equal to these) and the audit trail writes beside the recorded role.
 */
public enum Role {
    /** 联席会议办公室: records meetings, decisions, approvals, supervises tasks. */
    OFFICE("联席会议办公室"),
    /** A member unit's user, bound to one unit code: acts on its own matters only. */
    UNIT("成员单位"),
    /** Reads everything, including the audit trail; writes nothing. */
    AUDITOR("审计人员"),
    /** Reads dashboards and read models; writes nothing. */
    VIEWER("只读用户"),
    /** Operates the system: projection replays, dead letters, users. */
    ADMIN("管理员");

    /** The role recorded in event metadata for the service's own work (seed loading, deadlines): no user's. */
    public static final String SYSTEM = "SYSTEM";
    /** The Chinese name of {@link #SYSTEM}. */
    public static final String SYSTEM_CHINESE_NAME = "系统";

    private final String chineseName;

    Role(String chineseName) {
        this.chineseName = chineseName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String chineseName() {
        return chineseName;
    }

    /**
     * The Chinese name of a role as recorded in event metadata: a {@link Role} name or {@link #SYSTEM};
     * null for anything else (a role this version does not know), so that a reader shows the recorded
     * name rather than a wrong one.
     */
    public static String chineseNameOf(String recorded) {
        if (recorded == null) {
            return null;
        }
        if (SYSTEM.equals(recorded)) {
            return SYSTEM_CHINESE_NAME;
        }
        for (Role role : values()) {
            if (role.name().equals(recorded)) {
                return role.chineseName;
            }
        }
        return null;
    }
}
