package cn.qinghai.ledger.events.conference;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 建立联席会议制度: establishes the conference by a document (文号) on its basis documents. */
public record EstablishConferenceCommand(
        @TargetAggregateIdentifier String conferenceId,
        String name,
        String documentNo,
        List<String> basisDocuments,
        String leadUnitCode,
        LocalDate establishedOn) {}
