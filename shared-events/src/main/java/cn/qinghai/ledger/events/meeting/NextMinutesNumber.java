package cn.qinghai.ledger.events.meeting;

/**
 * A number to offer for the next minutes, in its normal form ({@link MinutesDocumentNumber}); null when
 * no prefix was given and no minutes were issued yet to take one from. Only an offer: the command side
 * decides whether it is still free when the minutes are issued.
 */
public record NextMinutesNumber(String documentNumber) {}
