package cn.qinghai.ledger.events.task;

/** An extension request (延期申请): waiting, granted or denied. */
public enum ExtensionState {
    PENDING,
    GRANTED,
    DENIED
}
