package cn.qinghai.ledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a Chinese reader knows a thing of the published language by: on every event record
 * ({@code TaskUrgedEvent} is 任务催办) and on every aggregate's package ({@code task} is 督办事项).
 * Declared here, beside the record, so that a new event cannot be published without one:
 * {@code ChineseNameTest} fails for an event that lacks it, and the event catalogue, the audit trail
 * and its exports all read it from here rather than keeping lists of their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface ChineseName {

    /** The name as the ledger's users say it, a few characters, no punctuation. */
    String value();
}
