package cn.qinghai.ledger.command.lookup;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

/** The roster as the aggregates' fixtures see it: a mocked {@link RosterLookup}, stubbed as each test needs. */
public final class RosterStubs {

    private RosterStubs() {}

    /** A conference that exists, with {@code units} active (and listed as its active units when there are any). */
    public static RosterLookup conferenceWithUnits(String conferenceId, List<String> units) {
        RosterLookup roster = mock(RosterLookup.class);
        when(roster.conferenceExists(conferenceId)).thenReturn(true);
        if (!units.isEmpty()) {
            when(roster.activeUnits(conferenceId)).thenReturn(units);
        }
        units.forEach(unit -> when(roster.isActiveUnit(conferenceId, unit)).thenReturn(true));
        return roster;
    }
}
