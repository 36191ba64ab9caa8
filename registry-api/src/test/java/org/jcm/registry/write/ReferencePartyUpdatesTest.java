package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.write.store.LedgerStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reference data at start on a real PostgreSQL: a Party whose reference row changed is updated
 * once, with PartyUpdated by operator {@code jcm-writer}, when the writer becomes active; an
 * unchanged reference applies nothing; and a change the operator made through the ledger stays
 * until the reference row itself changes.
 */
class ReferencePartyUpdatesTest {

    private static final PartyCode MNG = PartyCode.parse("MNG");
    private static final Party JAPAN = new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true, Optional.empty());
    /** Mongolia as an older reference file had it: one sectoral scope. */
    private static final Party OLD_MONGOLIA = new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true,
            Optional.of(CooperativeApproachId.parse("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)),
            Set.of(SectoralScope.ofNumber(1)));
    private static final Party MONGOLIA = new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true,
            Optional.of(CooperativeApproachId.parse("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)),
            Set.of(SectoralScope.ofNumber(1), SectoralScope.ofNumber(3)));

    private static PostgresDatabase database;
    private static LedgerStore store;
    private final AtomicReference<List<Party>> reference = new AtomicReference<>();

    @BeforeAll
    static void database() {
        database = MigratedDatabase.create("reference_updates").service();
        store = new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT);
    }

    @Test
    void a_changed_reference_row_is_applied_once_at_start_and_an_operators_later_change_is_kept() throws Exception {
        reference.set(List.of(JAPAN, OLD_MONGOLIA));
        run(writer -> { });
        assertThat(partyEvents()).containsExactly("PartyRegistered/bootstrap", "PartyRegistered/bootstrap");

        assertThat(storedParty()).isEqualTo("2013-01-08|1");

        // The reference file adds a scope to Mongolia's agreement: one PartyUpdated at the next start.
        reference.set(List.of(JAPAN, MONGOLIA));
        run(writer -> { });
        assertThat(partyEvents()).containsExactly("PartyRegistered/bootstrap", "PartyRegistered/bootstrap",
                "PartyUpdated/jcm-writer");
        assertThat(storedParty()).isEqualTo("2013-01-08|1;3");

        // Another start with the same reference: nothing.
        run(writer -> { });
        assertThat(partyEvents()).hasSize(3);

        // The operator narrows the scopes through the ledger; the unchanged reference row does not undo it.
        Party narrowed = new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true,
                Optional.of(CooperativeApproachId.parse("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)),
                Set.of(SectoralScope.ofNumber(1)));
        run(writer -> assertThat(writer.submit(new LedgerWriter.Item(new UpdateParty(narrowed), Actor.operator("operator"),
                null), Runnable::run).join()).isInstanceOf(CommandResult.Accepted.class));
        run(writer -> { });
        assertThat(partyEvents()).hasSize(4).last().isEqualTo("PartyUpdated/operator");
        assertThat(storedParty()).isEqualTo("2013-01-08|1");
    }

    private interface WithWriter {
        void accept(LedgerWriter writer);
    }

    /** Starts a writer on the database (applying the reference), runs {@code work} and stops it. */
    private void run(WithWriter work) {
        LedgerWriter writer = new LedgerWriter(new TestWriterConfig(16, 1000, 1000, 4747), store, Clock.systemUTC(),
                new SimpleMeterRegistry(), reference::get);
        writer.start();
        try {
            assertThat(writer.awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.ACTIVE);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> reference.get().stream().allMatch(p -> writer.reference().partiesByCode().containsKey(p.code())));
            work.accept(writer);
        } finally {
            writer.stop();
        }
    }

    private static List<String> partyEvents() throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, actor_subject FROM ledger_event"
                     + " WHERE type IN ('PartyRegistered', 'PartyUpdated') ORDER BY seq")) {
            while (rs.next()) {
                events.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        return events;
    }

    private static String storedParty() throws Exception {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT jcm_signing_date, sectoral_scopes FROM party WHERE code = 'MNG'")) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2);
        }
    }
}
