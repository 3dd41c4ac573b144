package cn.qinghai.ledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class StreamSlotsTest {

    @Test
    void oneRolesAccountsCannotTakeThePoolFromTheOthers() {
        StreamSlots slots = new StreamSlots("live", 8, 2, 4);
        for (String unit : List.of("unit-a", "unit-b")) {
            slots.acquire(unit, "UNIT");
            slots.acquire(unit, "UNIT");
        }
        assertThatThrownBy(() -> slots.acquire("unit-c", "UNIT"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                });
        assertThat(slots.acquire("office", "OFFICE")).isNotNull();
        assertThat(slots.acquire("viewer", "VIEWER")).isNotNull();
        assertThat(slots.inUse()).isEqualTo(6);
    }

    @Test
    void aUserAtTheirShareTakesTheSlotOfTheirOldestStream() {
        StreamSlots slots = new StreamSlots("live", 8, 2, 8);
        AtomicInteger ended = new AtomicInteger();
        List<StreamSlots.Slot> mine = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            StreamSlots.Slot slot = slots.acquire("office", "OFFICE");
            int n = i;
            slot.onEvicted(() -> ended.set(n + 1));
            mine.add(slot);
        }
        StreamSlots.Slot third = slots.acquire("office", "OFFICE");
        assertThat(ended).hasValue(1);
        assertThat(slots.inUse()).isEqualTo(2);

        mine.get(0).release(); // the evicted stream ends later and releases again: no effect
        assertThat(slots.inUse()).isEqualTo(2);
        third.release();
        third.release();
        assertThat(slots.inUse()).isEqualTo(1);
    }

    @Test
    void aFullServiceRefusesWithA503AndAReleaseMakesRoom() {
        StreamSlots slots = new StreamSlots("event feed", 2, 2, 2);
        StreamSlots.Slot first = slots.acquire("auditor", "AUDITOR");
        slots.acquire("admin", "ADMIN");
        assertThatThrownBy(() -> slots.acquire("office", "OFFICE")).isInstanceOf(ErrorResponseException.class);
        first.release();
        assertThat(slots.acquire("office", "OFFICE")).isNotNull();
    }

    @Test
    void anEvictionBeforeTheStreamRegisteredItsEndStillEndsIt() {
        StreamSlots slots = new StreamSlots("live", 4, 1, 4);
        StreamSlots.Slot first = slots.acquire("office", "OFFICE");
        slots.acquire("office", "OFFICE");
        AtomicInteger ended = new AtomicInteger();
        first.onEvicted(ended::incrementAndGet);
        assertThat(ended).hasValue(1);
    }
}
