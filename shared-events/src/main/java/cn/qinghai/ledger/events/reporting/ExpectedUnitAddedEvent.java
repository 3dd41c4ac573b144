package cn.qinghai.ledger.events.reporting;

import cn.qinghai.ledger.events.ChineseName;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The office added {@code unit} to the units expected to report in round {@code roundId}. */
@ChineseName("应报单位增列")
@Revision("1")
public record ExpectedUnitAddedEvent(String roundId, String conferenceId, ExpectedUnit unit, LocalDate addedOn) {}
