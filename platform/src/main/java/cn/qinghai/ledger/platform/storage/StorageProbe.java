package cn.qinghai.ledger.platform.storage;

/**
 * One store the service writes to, asked whether a write goes through now. Each application
 * contributes the probes of its stores; {@link StorageHealthIndicator} runs them all.
 */
public interface StorageProbe {

    /** The store's name in health details, e.g. {@code database} or {@code readModels}. */
    String name();

    /** Writes a small record and returns; throws when the store cannot take it. */
    void probe() throws Exception;
}
