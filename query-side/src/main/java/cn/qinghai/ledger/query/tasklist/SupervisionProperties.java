package cn.qinghai.ledger.query.tasklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.supervision.*}: how the office supervises (督办) tasks, in working days of the
 * {@link cn.qinghai.ledger.platform.calendar.WorkingCalendar}. A task is amber when it is due within
 * {@code warningWorkingDays} (临期预警) or when more than {@code reportIntervalWorkingDays} have passed
 * since its last progress report, or since its assignment when none came (进展报送周期).
 */
@ConfigurationProperties("ledger.supervision")
public class SupervisionProperties {

    private int warningWorkingDays = 3;
    private int reportIntervalWorkingDays = 10;

    public int getWarningWorkingDays() {
        return warningWorkingDays;
    }

    public void setWarningWorkingDays(int warningWorkingDays) {
        if (warningWorkingDays < 0) {
            throw new IllegalArgumentException("ledger.supervision.warning-working-days must not be negative");
        }
        this.warningWorkingDays = warningWorkingDays;
    }

    public int getReportIntervalWorkingDays() {
        return reportIntervalWorkingDays;
    }

    public void setReportIntervalWorkingDays(int reportIntervalWorkingDays) {
        if (reportIntervalWorkingDays < 1) {
            throw new IllegalArgumentException("ledger.supervision.report-interval-working-days must be positive");
        }
        this.reportIntervalWorkingDays = reportIntervalWorkingDays;
    }
}
