package cn.qinghai.ledger.query.platform;

import com.mongodb.Jep395RecordCodecProvider;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import java.time.OffsetDateTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecProvider;
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

    /** The driver's codecs, with {@link OffsetDateTime} as text and each record's codec made once. */
    public static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new OffsetDateTimeAsText()),
            CodecRegistries.fromProviders(new RecordCodecsMadeOnce()),
            MongoClientSettings.getDefaultCodecRegistry());

    private ReadModelCodecs() {}

    /** {@code collection} reading and writing {@code type} (a record) with {@link #REGISTRY}. */
    public static <T> MongoCollection<T> typed(MongoCollection<?> collection, Class<T> type) {
        return collection.withDocumentClass(type).withCodecRegistry(REGISTRY);
    }

    /**
     * The driver's record codecs, each made once per record type. The driver caches codecs per registry,
     * but every collection object wraps its registry anew (for its UUID representation), so a typed
     * collection asked for per read would build the record codec, by reflection over the record's
     * components and their annotations, on every read: twice as slow a replay in the benchmark. The codec
     * keeps the registry it was first made with for its components; every registry that reaches this
     * provider has the same codecs ({@link #REGISTRY}'s).
     */
    private static final class RecordCodecsMadeOnce implements CodecProvider {

        private final Jep395RecordCodecProvider records = new Jep395RecordCodecProvider();
        private final ConcurrentMap<Class<?>, Codec<?>> made = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> Codec<T> get(Class<T> type, CodecRegistry registry) {
            if (!type.isRecord()) {
                return null;
            }
            Codec<?> codec = made.get(type);
            if (codec == null) {
                codec = records.get(type, registry);
                if (codec != null) {
                    made.putIfAbsent(type, codec);
                }
            }
            return (Codec<T>) codec;
        }
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
