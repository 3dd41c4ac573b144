package cn.qinghai.ledger.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the README's module map (ADR 4), checked on the compiled classes of every module. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.qinghai.ledger");
    }

    @Test
    void theCommandSideNeverImportsTheQuerySide() {
        noClasses()
                .that()
                .resideInAPackage("cn.qinghai.ledger.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.qinghai.ledger.query..")
                .check(classes);
    }

    @Test
    void theQuerySideNeverImportsTheCommandSide() {
        noClasses()
                .that()
                .resideInAPackage("cn.qinghai.ledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.qinghai.ledger.command..")
                .check(classes);
    }

    @Test
    void sharedEventsImportsNoSpringAndNoPersistence() {
        noClasses()
                .that()
                .resideInAPackage("cn.qinghai.ledger.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "com.mongodb..",
                        "org.bson..",
                        "cn.qinghai.ledger.platform..",
                        "cn.qinghai.ledger.command..",
                        "cn.qinghai.ledger.query..")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNoDomainSide() {
        noClasses()
                .that()
                .resideInAPackage("cn.qinghai.ledger.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.qinghai.ledger.command..", "cn.qinghai.ledger.query..")
                .check(classes);
    }
}
