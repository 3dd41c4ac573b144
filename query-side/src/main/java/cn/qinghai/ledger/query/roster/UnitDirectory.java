package cn.qinghai.ledger.query.roster;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.query.platform.ReadModelCollections;
import cn.qinghai.ledger.query.platform.ReadModelGenerations;
import cn.qinghai.ledger.query.platform.ReadModelOrigin;
import com.mongodb.client.MongoDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Unit names (成员单位名称) from the roster's unit directory, read at query time, so that the other read
 * models can label the unit codes their events carry without keeping names of their own.
 */
@Component
public class UnitDirectory {

    private final ReadModelCollections roster;
    private final ReadModelOrigin origin = RosterDocuments.origin();

    /** Reads the generation of the roster that serves readers (it follows a rebuild's switch). */
    @Autowired
    public UnitDirectory(ReadModelGenerations generations) {
        this.roster = generations.live(RosterProjection.GROUP);
    }

    /** Reads a plain roster in {@code db}, for tests and fixtures. */
    public UnitDirectory(MongoDatabase readModelDatabase) {
        this.roster = ReadModelCollections.plain(readModelDatabase);
    }

    /** The names of the units of one conference, or of every conference when {@code conferenceId} is null. */
    public UnitNames names(String conferenceId) {
        Map<String, String> names = new HashMap<>();
        var units = RosterDocuments.units(origin.require(roster));
        for (var unit : conferenceId == null ? units.find() : units.find(eq("conferenceId", conferenceId))) {
            names.put(RosterProjection.unitId(unit.conferenceId(), unit.unitCode()), unit.name());
        }
        return new UnitNames(names);
    }

    /** Names keyed by conference and unit code; a unit the roster does not know has no name (null). */
    public static final class UnitNames {

        private final Map<String, String> byUnit;

        private UnitNames(Map<String, String> byUnit) {
            this.byUnit = byUnit;
        }

        public String of(String conferenceId, String unitCode) {
            return unitCode == null ? null : byUnit.get(RosterProjection.unitId(conferenceId, unitCode));
        }
    }
}
