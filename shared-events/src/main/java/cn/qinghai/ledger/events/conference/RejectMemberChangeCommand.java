package cn.qinghai.ledger.events.conference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectMemberChangeCommand(
        @TargetAggregateIdentifier String conferenceId, String changeId, String reason) {}
