package org.jcm.registry.document;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The documents in PostgreSQL (tables {@code document} and {@code document_upload}, migration
 * V65), through the reactive pool that serves requests. The ledger writer is not involved:
 * documents are not ledger state, only their hashes will be. Rows are only ever inserted.
 */
@ApplicationScoped
public class DocumentStore {

    private static final String INSERT_DOCUMENT = "INSERT INTO document (sha256, content, media_type, size, file_name,"
            + " uploaded_by, uploaded_by_role, uploaded_by_scope, uploaded_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (sha256) DO NOTHING";
    private static final String INSERT_UPLOAD = "INSERT INTO document_upload (sha256, uploaded_by_role, uploaded_by_scope,"
            + " uploaded_by, file_name, uploaded_at) VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING";
    private static final String METADATA = "SELECT d.media_type, d.size, d.file_name, d.uploaded_at, u.uploaded_by_role,"
            + " u.uploaded_by_scope FROM document d JOIN document_upload u ON u.sha256 = d.sha256 WHERE d.sha256 = $1";
    private static final String CONTENT = "SELECT content FROM document WHERE sha256 = $1";

    private final Pool pool;

    DocumentStore(Pool pool) {
        this.pool = pool;
    }

    /** What an upload stored: the document, and whether its bytes were new. */
    public record Stored(StoredDocument document, boolean created) {
    }

    /**
     * Stores {@code body} as uploaded by {@code uploader} (subject {@code subject}), in one
     * transaction: the document if its hash is new (else the first upload's row stays as it is),
     * and the uploader's side if it had not uploaded these bytes before.
     */
    public Uni<Stored> store(ReceivedBody body, DocumentType type, String fileName, Side uploader, String subject) {
        return pool.withTransaction(c -> c.preparedQuery(INSERT_DOCUMENT)
                .execute(Tuple.from(new Object[] {body.sha256(), io.vertx.core.buffer.Buffer.buffer(body.bytes()), type.mediaType(), body.size(),
                    fileName, subject, uploader.role(), uploader.scope()}))
                .chain(inserted -> c.preparedQuery(INSERT_UPLOAD)
                        .execute(Tuple.of(body.sha256(), uploader.role(), uploader.scope(), subject, fileName))
                        .chain(() -> metadata(c, body.sha256()))
                        .map(found -> new Stored(found.orElseThrow(), inserted.rowCount() == 1))));
    }

    /** The document with this hash, without its bytes. */
    public Uni<Optional<StoredDocument>> find(String sha256) {
        return pool.withConnection(c -> metadata(c, sha256));
    }

    /** The bytes of the document with this hash; empty if there is none. */
    public Uni<Optional<byte[]>> content(String sha256) {
        return pool.preparedQuery(CONTENT).execute(Tuple.of(sha256)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? Optional.of(found.next().getBuffer(0).getBytes()) : Optional.empty();
        });
    }

    private static Uni<Optional<StoredDocument>> metadata(SqlConnection c, String sha256) {
        return c.preparedQuery(METADATA).execute(Tuple.of(sha256)).map(rows -> document(sha256, rows));
    }

    private static Optional<StoredDocument> document(String sha256, RowSet<Row> rows) {
        Row first = null;
        Set<Side> uploaders = new HashSet<>();
        for (Row row : rows) {
            first = first == null ? row : first;
            uploaders.add(new Side(row.getString(4), row.getString(5)));
        }
        if (first == null) {
            return Optional.empty();
        }
        OffsetDateTime at = first.getOffsetDateTime(3);
        return Optional.of(new StoredDocument(sha256, first.getString(0), first.getInteger(1), first.getString(2),
                at.toInstant(), uploaders));
    }
}
