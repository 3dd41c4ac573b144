package cn.qinghai.ledger.query.platform;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import java.time.OffsetDateTime;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * How typed read-model documents (records mapped by the driver's record codec) are stored: days
 * ({@code LocalDate}) and instants as BSON dates, by the driver's own codecs, so that they compare and
 * sort as dates; a moment with the offset it was taken in ({@code OffsetDateTime}) as its ISO-8601 text,
 * which keeps the offset and the full precision that a BSON date (milliseconds, UTC) would lose, for
 * moments that are shown, not selected by.
 */
public final class ReadModelCodecs {

    /** The driver's codecs, with {@link OffsetDateTime} as text. */
    public static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new OffsetDateTimeAsText()), MongoClientSettings.getDefaultCodecRegistry());

    private ReadModelCodecs() {}

    /** {@code collection} reading and writing {@code type} (a record) with {@link #REGISTRY}. */
    public static <T> MongoCollection<T> typed(MongoCollection<?> collection, Class<T> type) {
        return collection.withDocumentClass(type).withCodecRegistry(REGISTRY);
    }

    private static final class OffsetDateTimeAsText implements Codec<OffsetDateTime> {

        @Override
        public void encode(BsonWriter writer, OffsetDateTime value, EncoderContext context) {
            writer.writeString(value.toString());
        }

        @Override
        public OffsetDateTime decode(BsonReader reader, DecoderContext context) {
            return OffsetDateTime.parse(reader.readString());
        }

        @Override
        public Class<OffsetDateTime> getEncoderClass() {
            return OffsetDateTime.class;
        }
    }
}
