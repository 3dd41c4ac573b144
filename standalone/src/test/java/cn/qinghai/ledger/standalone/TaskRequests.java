package cn.qinghai.ledger.standalone;

/** Request bodies the end-to-end tests send about tasks of the seed conference. */
final class TaskRequests {

    static final String CID = "qh-infant-care";

    private TaskRequests() {}

    /** A direct instruction from the office: task {@code taskId}, led by {@code unit}, due in ten working days. */
    static String assignment(String taskId, String unit) {
        return """
                {"taskId":"%s","conferenceId":"%s","title":"报送方案","leadUnitCode":"%s",
                 "dueInWorkingDays":10,"source":"办公室通知"}""".formatted(taskId, CID, unit);
    }
}
