package cn.qinghai.ledger.events.task;

/** One task in full. Answered with an optional {@link TaskView}. */
public record FindTaskQuery(String taskId) {}
