package cn.qinghai.ledger.query.tasklist;

import cn.qinghai.ledger.events.RuleSource;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.supervision.*}: how the office supervises (督办) tasks, in working days of the
 * {@link cn.qinghai.ledger.platform.calendar.WorkingCalendar}. A task is amber when it is due within
 * {@code warningWorkingDays} (临期预警) or when more than {@code reportIntervalWorkingDays} have passed
 * since its last progress report, or since its assignment when none came (进展报送周期). Both are office
 * practice, not the notice ({@link RuleSource}); docs/rules-generated.md lists them with the rules.
 */
@ConfigurationProperties("ledger.supervision")
public class SupervisionProperties {

    /** Amber (临期): an open task due within this many working days. */
    @RuleSource(
            practice = "the notice sets no deadlines or colours; the office warns a lead unit a few working "
                    + "days before a task falls due, while there is still time to finish or ask for an extension")
    private int warningWorkingDays = 3;
    /** Amber (未按时报送进展): no progress report for more than this many working days. */
    @RuleSource(
            practice = "the notice asks the office to collect completion in good time (及时收集); how often "
                    + "is the office's own reporting cycle (进展报送周期)")
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
