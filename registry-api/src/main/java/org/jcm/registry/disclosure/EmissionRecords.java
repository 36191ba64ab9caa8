package org.jcm.registry.disclosure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.jcm.support.problem.ProblemException;

/**
 * The emission records in PostgreSQL (table {@code emission_record}, migration V70), through the
 * reactive pool: versions are only ever inserted, each sealed ({@link RecordSeal}) and chained to
 * the version before it, and every version read is verified before it is answered.
 */
@ApplicationScoped
public class EmissionRecords {

    private static final Logger LOG = Logger.getLogger(EmissionRecords.class);
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
    private static final String REPLAY = "SELECT organization_id, fiscal_year, version, request_sha256 FROM emission_record"
            + " WHERE recorded_by = $1 AND idempotency_key = $2";
    private static final String VERSIONS = "SELECT version, record_json, sha256, previous_sha256, key_id, signature,"
            + " recorded_by, organization_id, fiscal_year FROM emission_record"
            + " WHERE organization_id = $1 AND fiscal_year = $2 ORDER BY version";
    private static final String INSERT = "INSERT INTO emission_record (organization_id, fiscal_year, version, record_json,"
            + " sha256, previous_sha256, key_id, signature, recorded_by, idempotency_key, request_sha256, recorded_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    private final Pool pool;
    private final RecordSeal seal;
    private final Clock clock;

    EmissionRecords(Pool pool, RecordSeal seal, Clock clock) {
        this.pool = pool;
        this.seal = seal;
        this.clock = clock;
    }

    /** What a recording answered: the fiscal year's versions, the new one last, and whether it was new. */
    public record Recorded(List<StoredEmissionRecord> versions, boolean created) {

        /** The version this recording made (or made first, for a replay). */
        public StoredEmissionRecord latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /**
     * Records a new version of {@code statement}'s fiscal year, in one transaction that holds the
     * organization's fiscal year (and the key) against concurrent recordings. A replay of the same
     * key and content answers the version it made; the same key with other content is 409
     * {@code idempotency_key_reused}; {@code supersedes} other than the latest version (or given for
     * the first one) is 409 {@code stale_emission_record}.
     */
    public Uni<Recorded> record(EmissionStatement statement, String subject, String idempotencyKey) {
        seal.available();
        String requestSha256 = RecordSeal.sha256(statement.canonicalJson());
        return pool.withTransaction(c -> c.preparedQuery(LOCK).execute(Tuple.of("emission-key/" + subject + "/" + idempotencyKey))
                .chain(() -> c.preparedQuery(LOCK).execute(Tuple.of("emission/" + statement.organizationId() + "/"
                        + statement.fiscalYear())))
                .chain(() -> c.preparedQuery(REPLAY).execute(Tuple.of(subject, idempotencyKey)))
                .chain(replay -> {
                    if (replay.size() > 0) {
                        Row first = replay.iterator().next();
                        if (!first.getString("request_sha256").equals(requestSha256)) {
                            throw new ProblemException(409, DisclosureCodes.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used "
                                    + "for another request.");
                        }
                        return versions(c, first.getString("organization_id"), first.getInteger("fiscal_year"))
                                .map(found -> new Recorded(found.subList(0, first.getInteger("version")), false));
                    }
                    return versions(c, statement.organizationId(), statement.fiscalYear())
                            .chain(found -> insert(c, statement, found, subject, idempotencyKey, requestSha256));
                }));
    }

    private Uni<Recorded> insert(SqlConnection c, EmissionStatement s, List<StoredEmissionRecord> found, String subject,
                                 String key, String requestSha256) {
        StoredEmissionRecord latest = found.isEmpty() ? null : found.get(found.size() - 1);
        Integer latestVersion = latest == null ? null : latest.record().version();
        if (!Objects.equals(latestVersion, s.supersedes())) {
            throw new ProblemException(409, DisclosureCodes.STALE_EMISSION_RECORD, latestVersion == null
                    ? "Fiscal year " + s.fiscalYear() + " has no emission record yet: the first version supersedes none."
                    : "The latest emission record of fiscal year " + s.fiscalYear() + " is version " + latestVersion
                    + ": a correction supersedes it.");
        }
        EmissionRecord record = new EmissionRecord(s.organizationId(), s.fiscalYear(), found.size() + 1, s.scope1(),
                s.scope2(), s.scope2Basis(), s.scope3(), s.source(), s.assuranceReference(), subject,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), latest == null ? null : latest.sha256());
        String json = record.canonicalJson();
        String sha256 = RecordSeal.sha256(json);
        RecordSeal.Signature signature = seal.sign(sha256);
        Tuple row = Tuple.from(new Object[] {record.organizationId(), record.fiscalYear(), record.version(), json, sha256,
            record.previousSha256(), signature.keyId(), signature.base64(), subject, key, requestSha256,
            OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC)});
        return c.preparedQuery(INSERT).execute(row).map(inserted -> {
            List<StoredEmissionRecord> versions = new ArrayList<>(found);
            versions.add(new StoredEmissionRecord(record, json, sha256, signature.keyId(), signature.base64()));
            return new Recorded(versions, true);
        });
    }

    /** The versions of an organization's fiscal year, oldest first, each verified. */
    public Uni<List<StoredEmissionRecord>> versions(String organizationId, int fiscalYear) {
        return pool.withConnection(c -> versions(c, organizationId, fiscalYear));
    }

    private Uni<List<StoredEmissionRecord>> versions(SqlConnection c, String organizationId, int fiscalYear) {
        return c.preparedQuery(VERSIONS).execute(Tuple.of(organizationId, fiscalYear))
                .map(rows -> verified(organizationId, fiscalYear, rows));
    }

    /**
     * Checks every stored version against its canonical JSON, hash, predecessor and signature; a row
     * that fails was changed behind the service: 503 {@code emission_record_integrity_failure}.
     */
    private List<StoredEmissionRecord> verified(String organizationId, int fiscalYear, RowSet<Row> rows) {
        List<StoredEmissionRecord> versions = new ArrayList<>(rows.size());
        String previous = null;
        for (Row row : rows) {
            int version = row.getInteger("version");
            String json = row.getString("record_json");
            String sha256 = row.getString("sha256");
            EmissionRecord record = EmissionRecord.parse(json);
            String problem = record == null ? "its record_json is not a canonical emission record"
                    : version != versions.size() + 1 ? "version " + (versions.size() + 1) + " is missing"
                    : !record.organizationId().equals(row.getString("organization_id"))
                            || record.fiscalYear() != row.getInteger("fiscal_year") || record.version() != version
                            || !record.recordedBy().equals(row.getString("recorded_by")) ? "its columns disagree with its record"
                    : !RecordSeal.sha256(json).equals(sha256) ? "its sha256 is not the hash of its record"
                    : !Objects.equals(record.previousSha256(), previous)
                            || !Objects.equals(row.getString("previous_sha256"), previous) ? "it does not chain to the version before it"
                    : !seal.verifies(sha256, row.getString("key_id"), row.getString("signature")) ? "its signature does not verify"
                    : null;
            if (problem != null) {
                LOG.errorf("Emission record %s fiscal year %d version %d fails verification: %s. The table emission_record "
                        + "was changed behind the service.", organizationId, fiscalYear, version, problem);
                throw new ProblemException(503, DisclosureCodes.EMISSION_RECORD_INTEGRITY_FAILURE, "The stored emission "
                        + "records of " + organizationId + " for fiscal year " + fiscalYear + " do not verify (version "
                        + version + ": " + problem + "); they are not answered.");
            }
            versions.add(new StoredEmissionRecord(record, json, sha256, row.getString("key_id"), row.getString("signature")));
            previous = sha256;
        }
        return versions;
    }
}
