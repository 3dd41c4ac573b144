package cn.qinghai.ledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a rule comes from: either a sentence of the notice 青政办函〔2021〕138号, quoted verbatim with the
 * heading of the part it stands in ({@code notice} and {@code clause}), or the office's own working
 * practice (办公室工作惯例) with the reason for it ({@code practice}) — exactly one of the two. On every
 * rule constant (the {@code *Rules} classes of the command side), on the thresholds of red, amber and
 * green, and on a command the notice does not give the office to decide alone. {@code docs/rules-generated.md}
 * is generated from these ({@code RulesTableTest} fails when a rule has none, both, or the document is stale).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface RuleSource {

    /** The notice's words the rule enforces, copied exactly (a contiguous piece of one sentence or more). */
    String notice() default "";

    /** The heading of the notice's part the quote stands in, e.g. {@code 四、工作规则}; only with {@code notice}. */
    String clause() default "";

    /** Why the office works this way, when the notice does not say it. */
    String practice() default "";
}
