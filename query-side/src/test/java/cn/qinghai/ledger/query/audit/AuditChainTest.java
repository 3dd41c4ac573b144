package cn.qinghai.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of the hash chain, pinned by test vectors computed independently of this code
 * (Python's hashlib over the byte layout documented in {@link CanonicalEvent}), so that a change to
 * the form cannot slip in unnoticed: every kept checkpoint would stop matching.
 */
class AuditChainTest {

    static CanonicalEvent appointment() {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("reason", "seed: 青政办函〔2021〕138号");
        metaData.put("actorRole", "OFFICE");
        metaData.put("actor", "office");
        return new CanonicalEvent(
                7,
                "e-7",
                "Conference",
                "qh-infant-care",
                3,
                "cn.qinghai.ledger.events.conference.MemberAppointedEvent",
                "1",
                Instant.parse("2021-08-12T01:00:00.123456Z"),
                "{\"conferenceId\":\"qh-infant-care\",\"name\":\"匡湧\",\"role\":\"CONVENER\"}"
                        .getBytes(StandardCharsets.UTF_8),
                metaData);
    }

    @Test
    void theDigestAndLinkOfAnEventFollowTheDocumentedByteLayout() {
        CanonicalEvent event = appointment();

        assertThat(new String(event.canonicalMetaData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"actor\":\"office\",\"actorRole\":\"OFFICE\",\"reason\":\"seed: 青政办函〔2021〕138号\"}");
        assertThat(AuditChain.hex(event.digest()))
                .isEqualTo("8638e193dad6488d13a75191e07060c55088852785302f09fa9a72bdc8609742");
        assertThat(AuditChain.hex(AuditChain.link(AuditChain.GENESIS, event.digest())))
                .isEqualTo("badd7c1edf3e5e651ef1a33600d0877ab4441690757646075606a33aef59d3b2");
    }

    @Test
    void anEventWithoutAggregateOrRevisionEncodesThemAsNullAndChainsOnThePreviousLink() {
        CanonicalEvent ping = new CanonicalEvent(
                8,
                "e-8",
                null,
                null,
                -1,
                "x.Ping",
                null,
                Instant.parse("2021-08-12T01:00:00Z"),
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of());
        byte[] first = AuditChain.link(AuditChain.GENESIS, appointment().digest());

        assertThat(AuditChain.hex(ping.digest()))
                .isEqualTo("f5ea060448baef57cd7b5b58ef4012247712d5121eba6af1ab86c6b6ab2cd47d");
        assertThat(AuditChain.hex(AuditChain.link(first, ping.digest())))
                .isEqualTo("970d4734c91e9e3fd92bb5b0f523c22f6e3db9ae6df4e10714ee093b1d12b8fb");
        assertThat(ping.simpleType()).isEqualTo("Ping");
    }

    @Test
    void anyChangeToAStoredEventChangesItsDigest() {
        CanonicalEvent original = appointment();
        byte[] digest = original.digest();
        Map<String, Object> otherReason = new LinkedHashMap<>(original.metaData());
        otherReason.put("reason", "altered");

        assertThat(digestOf(original, 8, original.payload(), original.metaData(), original.timestamp()))
                .isNotEqualTo(digest);
        assertThat(digestOf(
                        original,
                        7,
                        "{\"name\":\"某人\"}".getBytes(StandardCharsets.UTF_8),
                        original.metaData(),
                        original.timestamp()))
                .isNotEqualTo(digest);
        assertThat(digestOf(original, 7, original.payload(), otherReason, original.timestamp()))
                .isNotEqualTo(digest);
        assertThat(digestOf(
                        original,
                        7,
                        original.payload(),
                        original.metaData(),
                        original.timestamp().plusMillis(1)))
                .isNotEqualTo(digest);
        assertThat(digestOf(original, 7, original.payload(), original.metaData(), original.timestamp()))
                .isEqualTo(digest);
    }

    private static byte[] digestOf(
            CanonicalEvent e, long position, byte[] payload, Map<String, ?> metaData, Instant timestamp) {
        return new CanonicalEvent(
                        position,
                        e.eventIdentifier(),
                        e.aggregateType(),
                        e.aggregateIdentifier(),
                        e.sequenceNumber(),
                        e.payloadType(),
                        e.payloadRevision(),
                        timestamp,
                        payload,
                        metaData)
                .digest();
    }
}
