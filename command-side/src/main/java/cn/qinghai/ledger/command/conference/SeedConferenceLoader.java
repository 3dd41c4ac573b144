package cn.qinghai.ledger.command.conference;

import cn.qinghai.ledger.events.conference.*;
import cn.qinghai.ledger.platform.demo.SeedConference;
import cn.qinghai.ledger.platform.web.Commands;
import cn.qinghai.ledger.platform.web.IfMatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code ledger.demo=true}, loads the seed conference (青政办函〔2021〕138号) through the real
 * commands when the event store has never seen it — so never twice, also across restarts. Every
 * date is the notice's date, so the roster as of 2021-08-12 shows the notice's list. The first roster
 * was decided by the notice itself: every unit, seat and the office director cite it as a
 * {@link RosterDecision.Kind#DOCUMENT} (ConferenceDecidesRosterChanges).
 */
@Component
@ConditionalOnProperty(name = "ledger.demo", havingValue = "true")
class SeedConferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedConferenceLoader.class);
    /**
     * The reason recorded on every seed event. Events already stored carry it as written, so it stays as
     * it is; the dashboard's audit page shows the {@code seed:} prefix as 初始数据导入 (views/audit.js).
     */
    static final String REASON = "seed: 青政办函〔2021〕138号";

    private final Commands commands;
    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    SeedConferenceLoader(Commands commands, EventStore eventStore, ObjectMapper objectMapper) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        SeedConference seed = SeedConference.load(objectMapper);
        var c = seed.conference();
        if (eventStore.lastSequenceNumberFor(c.conferenceId()).isPresent()) {
            log.info("seed conference {} is already in the event store; not loading it again", c.conferenceId());
            return;
        }
        var on = c.establishedOn();
        var decidedBy = RosterDecision.recorded(RosterDecision.Kind.DOCUMENT, c.documentNo(), on);
        commands.send(
                IfMatch.NONE,
                new EstablishConferenceCommand(
                        c.conferenceId(), c.name(), c.documentNo(), c.basisDocuments(), c.leadUnitCode(), on),
                REASON);
        for (SeedConference.Unit unit : seed.units()) {
            commands.send(
                    IfMatch.NONE,
                    new AddMemberUnitCommand(
                            c.conferenceId(), unit.unitCode(), unit.name(), unit.duties(), on, decidedBy),
                    REASON);
        }
        for (SeedConference.Seat seat : seed.seats()) {
            commands.send(
                    IfMatch.NONE,
                    new AppointMemberCommand(
                            c.conferenceId(),
                            seat.personId(),
                            seat.name(),
                            seat.title(),
                            seat.role(),
                            seat.unitCode(),
                            on,
                            decidedBy),
                    REASON);
        }
        commands.send(
                IfMatch.NONE,
                new AppointOfficeDirectorCommand(c.conferenceId(), seed.officeDirectorPersonId(), on, decidedBy),
                REASON);
        log.info(
                "loaded the seed conference {} ({}): {} member units, {} seats",
                c.conferenceId(),
                c.documentNo(),
                seed.units().size(),
                seed.seats().size());
    }
}
