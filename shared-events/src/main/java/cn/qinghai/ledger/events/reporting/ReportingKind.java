package cn.qinghai.ledger.events.reporting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reporting round collects, and how its period is written: {@code 2026-Q1} for a quarter,
 * {@code 2026-H1} for a half year, {@code 2026} for a year. The wording is that of the office's notices
 * asking for the reports.
 */
public enum ReportingKind {

    /** 季度工作情况: one quarter, {@code 2026-Q1} (2026年第一季度). */
    QUARTERLY("季度工作情况", Pattern.compile("(\\d{4})-Q([1-4])")),
    /** 半年工作情况: one half year, {@code 2026-H1} (2026年上半年). */
    HALF_YEAR("半年工作情况", Pattern.compile("(\\d{4})-H([12])")),
    /** 年度工作总结及下一年度工作计划: one year, {@code 2026} (2026年度). */
    ANNUAL("年度工作总结及下一年度工作计划", Pattern.compile("(\\d{4})"));

    /** Every period any kind accepts, for validating a path. */
    public static final String PERIOD_PATTERN = "\\d{4}(-Q[1-4]|-H[12])?";

    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    private final String title;
    private final Pattern period;

    ReportingKind(String title, Pattern period) {
        this.title = title;
        this.period = period;
    }

    /** The report's title as the office's notice names it. */
    public String title() {
        return title;
    }

    /** Whether {@code period} is written as this kind's periods are. */
    public boolean accepts(String period) {
        return period != null && this.period.matcher(period).matches();
    }

    /** The period as the office writes it, 2026年第一季度, 2026年上半年, 2026年度; null if it is not one of ours. */
    public String label(String period) {
        if (!accepts(period)) {
            return null;
        }
        Matcher m = this.period.matcher(period);
        m.matches();
        return switch (this) {
            case QUARTERLY -> m.group(1) + "年" + QUARTERS[Integer.parseInt(m.group(2)) - 1];
            case HALF_YEAR -> m.group(1) + "年" + ("1".equals(m.group(2)) ? "上半年" : "下半年");
            case ANNUAL -> m.group(1) + "年度";
        };
    }

    /** The round's aggregate id: one round per conference and period (the period says the kind). */
    public static String roundId(String conferenceId, String period) {
        return conferenceId + "." + period;
    }
}
