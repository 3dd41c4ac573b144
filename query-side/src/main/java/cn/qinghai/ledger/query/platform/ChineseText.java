package cn.qinghai.ledger.query.platform;

import cn.qinghai.ledger.events.task.TaskStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The words and dates of the files the office prints (通报, 督办台账), as the office writes them: a
 * status by its Chinese name, a date as {@code 2025年3月1日} (no leading zeros).
 */
public final class ChineseText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("u年M月d日");

    private ChineseText() {}

    /** {@code 2025年3月1日}; null for null. */
    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** The status as the office names it; null for null. */
    public static String status(TaskStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case ASSIGNED -> "已交办";
            case ACKNOWLEDGED -> "已签收";
            case IN_PROGRESS -> "办理中";
            case COMPLETION_SUBMITTED -> "待销号"; // the word the pages use (status.COMPLETION_SUBMITTED)
            case CLOSED -> "已销号";
        };
    }
}
