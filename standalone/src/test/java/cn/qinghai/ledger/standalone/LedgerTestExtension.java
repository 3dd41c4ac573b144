package cn.qinghai.ledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the ledger a {@link LedgerTest} class declares and stops it when its scope (the class or the
 * test) ends, through JUnit's store; resolves {@link StandaloneLedger}, {@link LedgerApi} and
 * {@code ConfigurableApplicationContext} parameters.
 */
final class LedgerTestExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LedgerTestExtension.class);
    private static final String KEY = "ledger";

    /** The ledger and its folder, closed and deleted with the scope that holds them. */
    record Running(StandaloneLedger ledger, Path folder) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try {
                ledger.close();
            } finally {
                StandaloneLedger.delete(folder);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class runs against its enclosing class's ledger.
        boolean declaredHere = AnnotationSupport.isAnnotated(context.getRequiredTestClass(), LedgerTest.class);
        if (declaredHere && declaration(context).lifecycle() == LedgerTest.Lifecycle.PER_CLASS) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (declaration(context).lifecycle() == LedgerTest.Lifecycle.PER_METHOD) {
            start(context);
        }
    }

    /** The class's declaration, or its enclosing class's for a {@code @Nested} one. */
    private static LedgerTest declaration(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<LedgerTest> declared = AnnotationSupport.findAnnotation(c, LedgerTest.class);
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        throw new IllegalStateException(context.getRequiredTestClass() + " is not a @LedgerTest");
    }

    private static void start(ExtensionContext context) {
        LedgerTest declared = declaration(context);
        Path folder;
        try {
            folder = Files.createTempDirectory(
                    "ledger-" + context.getRequiredTestClass().getSimpleName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a data folder", e);
        }
        StandaloneLedger.Builder builder = StandaloneLedger.on(folder)
                .storage(declared.storage())
                .readModels(declared.readModels())
                .demo(declared.demo())
                .properties(declared.properties())
                .sources(declared.sources())
                .awaitRoster(declared.rosterOn().isEmpty() ? null : declared.rosterOn());
        if (!declared.testClock().isEmpty()) {
            builder.testClock(Instant.parse(declared.testClock()));
        }
        StandaloneLedger ledger;
        try {
            ledger = builder.start();
        } catch (RuntimeException | Error e) {
            StandaloneLedger.delete(folder);
            throw e;
        }
        context.getStore(NAMESPACE).put(KEY, new Running(ledger, folder));
    }

    /** The ledger of the nearest scope: the test's own, else its class's. */
    private static Optional<StandaloneLedger> ledger(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context);
                c.isPresent();
                c = c.get().getParent()) {
            Running running = c.get().getStore(NAMESPACE).get(KEY, Running.class);
            if (running != null) {
                return Optional.of(running.ledger());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StandaloneLedger.class
                || type == LedgerApi.class
                || type == ConfigurableApplicationContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StandaloneLedger ledger = ledger(context)
                .orElseThrow(() -> new ParameterResolutionException("no ledger is running for "
                        + parameter.getDeclaringExecutable() + " (a PER_METHOD ledger starts only for each test)"));
        Class<?> type = parameter.getParameter().getType();
        return type == StandaloneLedger.class ? ledger : type == LedgerApi.class ? ledger.api() : ledger.app();
    }
}
