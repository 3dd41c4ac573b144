package cn.qinghai.ledger.testsupport;

import cn.qinghai.ledger.events.RuleViolatedException;
import cn.qinghai.ledger.events.RuleViolation;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/** Expectations of a refusal in an aggregate fixture: the named rule, its kind, and no event. */
public final class RuleAssertions {

    private RuleAssertions() {}

    public static void refusedBy(ResultValidator<?> result, String rule, RuleViolation.Kind kind) {
        result.expectNoEvents().expectException(new TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolatedException e
                        && e.violation().rule().equals(rule)
                        && e.violation().kind() == kind;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal by rule " + rule + " (" + kind + ")");
            }
        });
    }
}
