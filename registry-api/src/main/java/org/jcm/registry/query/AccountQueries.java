package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.api.AccountDetails;
import org.jcm.registry.api.BalanceLine;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransactionEntry;
import org.jcm.registry.entity.AccountBalanceEntity;
import org.jcm.registry.entity.AccountEntity;
import org.jcm.registry.paging.Cursor;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.security.RegistryScope;

/**
 * Reads accounts: an account with its balances, its holdings (live blocks in selection order) and
 * the events that touched it. Nothing here blocks a thread that the writer or other requests need.
 *
 * <p>The account with its balances is an entity read (Hibernate Reactive). The access check that
 * gates every holdings and transactions page ({@link #scope}) and those keyset pages themselves are
 * prepared SQL on the Vert.x client: they are the hot reads (see
 * docs/decisions/0003-hibernate-reactive.md).
 */
@ApplicationScoped
public class AccountQueries {

    /**
     * Holdings, keyed by vintage, project, numbering host and first unit (the selection order): the
     * host keeps apart two hosts' lines of one project that start at the same unit.
     */
    public static final ListKind HOLDINGS = new ListKind("holdings", 4);
    /** Transactions newest first, keyed by seq. */
    public static final ListKind TRANSACTIONS_NEWEST = new ListKind("tx-newest", 1);
    /** Transactions oldest first, keyed by seq. */
    public static final ListKind TRANSACTIONS_OLDEST = new ListKind("tx-oldest", 1);

    private static final String SCOPE = "SELECT a.registry_id, r.party, a.organization_id"
            + " FROM account a JOIN registry r ON r.id = a.registry_id WHERE a.id = $1";
    // One statement, so the account and its balances come from one snapshot. The balance view is
    // grouped by account; the join's equality on the account id lets PostgreSQL push it into the
    // view, so only this account's blocks are summed (index block_account).
    private static final String DETAILS = "select a from AccountEntity a join fetch a.registry"
            + " left join fetch a.balances where a.id = :id";
    private static final String HOLDINGS_FIRST = "SELECT " + BlockRows.COLUMNS + ", " + BlockRows.RESERVED_FOR_COLUMN
            + " FROM " + BlockRows.FROM
            + " WHERE b.account_id = $1 ORDER BY b.vintage, b.project_id, b.host_party, b.first_unit LIMIT $2";
    private static final String HOLDINGS_AFTER = "SELECT " + BlockRows.COLUMNS + ", " + BlockRows.RESERVED_FOR_COLUMN
            + " FROM " + BlockRows.FROM
            + " WHERE b.account_id = $1 AND (b.vintage, b.project_id, b.host_party, b.first_unit) > ($2, $3, $4, $5)"
            + " ORDER BY b.vintage, b.project_id, b.host_party, b.first_unit LIMIT $6";
    private static final String RESERVED = "SELECT action_id, host_party, vintage, first_unit, last_unit FROM reservation"
            + " WHERE account_id = $1 ORDER BY host_party, vintage, first_unit";
    private static final String TRANSACTIONS = "SELECT e.seq, e.type, e.at, e.event_json"
            + " FROM event_account ea JOIN ledger_event e ON e.seq = ea.seq"
            + " WHERE ea.account_id = $1 AND ea.seq %s $2 ORDER BY ea.seq %s LIMIT $3";
    private static final String TRANSACTIONS_NEWEST_SQL = TRANSACTIONS.formatted("<", "DESC");
    private static final String TRANSACTIONS_OLDEST_SQL = TRANSACTIONS.formatted(">", "ASC");

    private final Pool pool;
    private final Mutiny.SessionFactory sessions;

    AccountQueries(Pool pool, Mutiny.SessionFactory sessions) {
        this.pool = pool;
        this.sessions = sessions;
    }

    /** Where an account belongs, for access checks; empty when there is no such account. */
    public Uni<Optional<RegistryScope>> scope(String accountId) {
        return pool.preparedQuery(SCOPE).execute(Tuple.of(accountId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new RegistryScope(row.getString("registry_id"), row.getString("party"),
                    row.getString("organization_id")));
        });
    }

    /**
     * An account with its balance lines (by vintage, then label NONE, AUTHORIZED, CA_APPLIED) and its units reserved for
     * pending actions.
     */
    public Uni<Optional<Scoped<AccountDetails>>> details(String accountId) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(DETAILS, AccountEntity.class)
                        .setParameter("id", accountId)
                        .getSingleResultOrNull())
                .chain(account -> account == null ? Uni.createFrom().item(Optional.<Scoped<AccountDetails>>empty())
                        : pool.preparedQuery(RESERVED).execute(Tuple.of(accountId))
                                .map(rows -> Optional.of(details(account, reserved(rows)))));
    }

    private static List<AccountDetails.ReservedUnits> reserved(RowSet<Row> rows) {
        List<AccountDetails.ReservedUnits> reserved = new ArrayList<>(rows.size());
        for (Row row : rows) {
            long first = row.getLong("first_unit");
            long last = row.getLong("last_unit");
            reserved.add(new AccountDetails.ReservedUnits(row.getString("action_id"), row.getString("host_party"),
                    row.getInteger("vintage"), first, last, last - first + 1));
        }
        return reserved;
    }

    /** One page of an account's live blocks in selection order (vintage, project, numbering host, first unit). */
    public Uni<ListResponse<BlockView>> holdings(String accountId, PageRequest page) {
        Uni<RowSet<Row>> rows = page.after()
                .map(after -> pool.preparedQuery(HOLDINGS_AFTER).execute(Tuple.of(accountId,
                        vintage(after.number(0)), after.text(1), after.text(2), after.number(3), page.fetchSize())))
                .orElseGet(() -> pool.preparedQuery(HOLDINGS_FIRST).execute(Tuple.of(accountId, page.fetchSize())));
        return rows.map(set -> {
            List<BlockView> blocks = new ArrayList<>(set.size());
            for (Row row : set) {
                blocks.add(BlockRows.view(row, false));
            }
            return Pages.of(blocks, page, b -> HOLDINGS.cursor(b.vintage(), b.projectId(), b.hostParty(), b.firstUnit()));
        });
    }

    /** One page of the events that touched an account, newest first or oldest first. */
    public Uni<ListResponse<TransactionEntry>> transactions(String accountId, boolean newestFirst, PageRequest page) {
        ListKind kind = newestFirst ? TRANSACTIONS_NEWEST : TRANSACTIONS_OLDEST;
        long after = page.after().map(c -> c.number(0)).orElse(newestFirst ? Long.MAX_VALUE : 0L);
        return pool.preparedQuery(newestFirst ? TRANSACTIONS_NEWEST_SQL : TRANSACTIONS_OLDEST_SQL)
                .execute(Tuple.of(accountId, after, page.fetchSize()))
                .map(set -> {
                    List<TransactionEntry> entries = new ArrayList<>(set.size());
                    for (Row row : set) {
                        entries.add(new TransactionEntry(row.getLong("seq"), row.getString("type"),
                                EventCodec.formatTime(row.getOffsetDateTime("at").toInstant()), row.getString("event_json")));
                    }
                    return Pages.of(entries, page, e -> kind.cursor(e.seq()));
                });
    }

    private static Scoped<AccountDetails> details(AccountEntity a, List<AccountDetails.ReservedUnits> reserved) {
        List<BalanceLine> balances = new ArrayList<>(a.balances().size());
        long total = 0;
        for (AccountBalanceEntity b : a.balances().stream().sorted(AccountBalanceEntity.ORDER).toList()) {
            balances.add(new BalanceLine(b.vintage(), b.label(), b.quantity(), b.blockCount()));
            total += b.quantity();
        }
        long reservedQuantity = 0;
        for (AccountDetails.ReservedUnits r : reserved) {
            reservedQuantity += r.quantity();
        }
        RegistryScope scope = new RegistryScope(a.registryId(), a.registry().party(), a.organizationId());
        return new Scoped<>(scope, new AccountDetails(a.id(), a.registryId(), a.organizationId(), a.type(), a.name(),
                a.status(), a.frozen(), total, balances, total - reservedQuantity, reservedQuantity, reserved));
    }

    /** A vintage from a cursor; a number no vintage column can hold is a forged cursor. */
    static short vintage(long value) {
        if (value < 0 || value > Short.MAX_VALUE) {
            throw Cursor.invalid();
        }
        return (short) value;
    }
}
