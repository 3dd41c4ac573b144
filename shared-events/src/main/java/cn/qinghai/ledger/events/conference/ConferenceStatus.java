package cn.qinghai.ledger.events.conference;

public enum ConferenceStatus {
    ACTIVE,
    DISSOLVED
}
