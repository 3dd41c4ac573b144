package cn.qinghai.ledger.platform.storage;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * H2 dialect for the embedded default: Axon's {@code @Lob byte[]} columns (event payload, metadata,
 * snapshots) become {@code varbinary} kept in the row, instead of {@code blob}. H2 hands out each
 * blob it reads as a LOB reference that the session keeps for its {@code LOB_TIMEOUT} (five
 * minutes): while the projections read a million events, that held over 4 million references,
 * half of a gigabyte of live heap (issue #9). An event is a few hundred bytes; a row holds up to a
 * gigabyte. Files written before keep their {@code blob} columns, which this mapping still reads and
 * writes.
 */
public class VarbinaryH2Dialect extends H2Dialect {

    public VarbinaryH2Dialect() {}

    public VarbinaryH2Dialect(DialectResolutionInfo info) {
        super(info);
    }

    /**
     * Chooses this dialect whenever the database is H2, whatever the URL, and leaves every other
     * database to Hibernate's own detection (the postgres profile names its dialect itself).
     */
    public static class Resolver implements DialectResolver {

        @Override
        public Dialect resolveDialect(DialectResolutionInfo info) {
            return "H2".equals(info.getDatabaseName()) ? new VarbinaryH2Dialect(info) : null;
        }
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, InRowBytes.INSTANCE);
    }

    /**
     * Binds and reads a {@code @Lob byte[]} as plain bytes while its column is still declared through
     * the BLOB type code, so that {@link #columnType(int)} makes it a {@code varbinary} of H2's
     * maximum length (the plain binary type would make a fixed-length {@code binary} column).
     */
    static final class InRowBytes extends VarbinaryJdbcType {

        static final InRowBytes INSTANCE = new InRowBytes();

        @Override
        public int getDdlTypeCode() {
            return SqlTypes.BLOB;
        }
    }
}
