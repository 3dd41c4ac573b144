package cn.qinghai.ledger.standalone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test class against the standalone ledger, started by {@link LedgerTestExtension} through
 * {@link StandaloneLedger} on a fresh data folder: once for the class (the default) or afresh for each
 * test, and stopped, its folder deleted, after them. Test methods, {@code @BeforeAll}/{@code @BeforeEach}
 * methods and constructors get it by declaring a parameter of type {@link StandaloneLedger},
 * {@link LedgerApi} (a client of it) or {@code ConfigurableApplicationContext}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LedgerTestExtension.class)
@interface LedgerTest {

    enum Lifecycle {
        /** One ledger for all the tests of the class: they must not depend on each other's data. */
        PER_CLASS,
        /** A fresh ledger, on a fresh folder, for each test. */
        PER_METHOD
    }

    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    StandaloneLedger.Storage storage() default StandaloneLedger.Storage.H2;

    StandaloneLedger.ReadModels readModels() default StandaloneLedger.ReadModels.MEMORY;

    /** With the seed conference of the notice. */
    boolean demo() default true;

    /** An instant ({@code 2026-03-02T01:00:00Z}): the ledger runs on {@link TestClocks} set to it. Empty: the real clock. */
    String testClock() default "";

    /** Further settings, {@code key=value} each. */
    String[] properties() default {};

    /** Further configuration classes (a test's beans). */
    Class<?>[] sources() default {};

    /** Ready once the seed's roster is complete as of this day; empty: as soon as the application runs. */
    String rosterOn() default StandaloneLedger.SEED_DAY;
}
