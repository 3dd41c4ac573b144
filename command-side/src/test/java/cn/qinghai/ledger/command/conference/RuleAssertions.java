package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.RuleViolation;
import org.axonframework.test.aggregate.ResultValidator;

/** Expectations of a refusal: the named rule, its kind, and no event ({@link cn.qinghai.ledger.testsupport.RuleAssertions}). */
public final class RuleAssertions {

    private RuleAssertions() {}

    public static void refusedBy(ResultValidator<?> result, String rule, RuleViolation.Kind kind) {
        cn.qinghai.ledger.testsupport.RuleAssertions.refusedBy(result, rule, kind);
    }
}
