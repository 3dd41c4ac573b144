package cn.qinghai.ledger.query.meetings;

import static com.mongodb.client.model.Filters.eq;

import cn.qinghai.ledger.events.meeting.FindNextMinutesNumberQuery;
import cn.qinghai.ledger.events.meeting.MinutesDocumentNumber;
import cn.qinghai.ledger.events.meeting.NextMinutesNumber;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Meeting;
import cn.qinghai.ledger.query.meetings.MeetingDocuments.Minutes;
import cn.qinghai.ledger.query.platform.ReadModelCollections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The next number (文号) of a series of minutes, counted from the numbers of every issued version in the
 * meetings read model.
 */
final class MinutesNumbers {

    /**
     * The number after every issued number of the series, in any conference (a number is unique across
     * them), read in its normal form so that numbers stored as typed before numbers were normalised count
     * too. Without a prefix, the series is the one of the conference's latest issued minutes.
     */
    NextMinutesNumber next(ReadModelCollections collections, FindNextMinutesNumberQuery query) {
        String prefix = query.prefix() == null || query.prefix().isBlank()
                ? latestPrefix(collections, query.conferenceId())
                : MinutesDocumentNumber.normalisePrefix(query.prefix());
        if (prefix == null) {
            return new NextMinutesNumber(null);
        }
        int highest = 0;
        for (Minutes minutes : issuedMinutes(collections, null)) {
            Optional<MinutesDocumentNumber> number = MinutesDocumentNumber.parse(minutes.documentNo());
            if (number.isPresent()
                    && number.get().prefix().equals(prefix)
                    && number.get().year() == query.year()) {
                highest = Math.max(highest, number.get().serial());
            }
        }
        return new NextMinutesNumber(new MinutesDocumentNumber(prefix, query.year(), highest + 1).toString());
    }

    /** The prefix of the conference's latest issued minutes that have one; null when there are none. */
    private static String latestPrefix(ReadModelCollections collections, String conferenceId) {
        return issuedMinutes(collections, conferenceId).stream()
                .filter(m -> MinutesDocumentNumber.parse(m.documentNo()).isPresent())
                .max(Comparator.comparing((Minutes m) -> m.issuedOn(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(m -> MinutesDocumentNumber.parse(m.documentNo())
                                .get()
                                .year()))
                .map(m -> MinutesDocumentNumber.parse(m.documentNo()).get().prefix())
                .orElse(null);
    }

    /** Each issued version of the minutes of the conference's meetings (of every meeting for null). */
    private static List<Minutes> issuedMinutes(ReadModelCollections collections, String conferenceId) {
        Bson filter = conferenceId == null ? new Document() : eq("conferenceId", conferenceId);
        List<Minutes> issued = new ArrayList<>();
        for (Meeting meeting : MeetingDocuments.meetings(collections).find(filter)) {
            if (meeting.minutes() != null) {
                meeting.minutes().values().stream()
                        .filter(minutes -> minutes.documentNo() != null)
                        .forEach(issued::add);
            }
        }
        return issued;
    }
}
