package cn.qinghai.ledger.events.conference;

/** A person as the notice names them: an id chosen by the office, the name, the official title. */
public record Person(String personId, String name, String title) {}
