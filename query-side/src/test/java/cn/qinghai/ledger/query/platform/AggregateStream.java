package cn.qinghai.ledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** The event stream of one aggregate as handler calls: index = sequence number. */
public final class AggregateStream {

    private final List<LongConsumer> events = new ArrayList<>();

    public AggregateStream then(LongConsumer handler) {
        events.add(handler);
        return this;
    }

    public int size() {
        return events.size();
    }

    public void deliver() {
        deliver(0, events.size());
    }

    /** Delivers events {@code from} (inclusive) to {@code to} (exclusive) with their sequence numbers. */
    public void deliver(int from, int to) {
        for (int seq = from; seq < to; seq++) {
            events.get(seq).accept(seq);
        }
    }
}
