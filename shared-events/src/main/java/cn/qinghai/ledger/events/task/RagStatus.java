package cn.qinghai.ledger.events.task;

/**
 * Red, amber, green (红黄绿灯) of a task, computed when it is read: red overdue (逾期), amber due within
 * the warning window or a progress report missing (临期或未按时报送进展), green otherwise. A closed task
 * is green and keeps whether it was closed on time.
 */
public enum RagStatus {
    RED,
    AMBER,
    GREEN;

    /** The worse of two: red before amber before green. */
    public RagStatus worse(RagStatus other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
