package org.jcm.registry.report;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.report.AefReport;
import org.jcm.ledger.report.AefRows;
import org.jcm.registry.persistence.Article6Reader;

/**
 * Builds a Party's AEF tables for a calendar year by replaying the committed log up to the last
 * event of that year with ledger-core ({@link AefRows}): correctness first, so the tables are
 * exactly what the ledger says, table 4 included. The log is read in pages and folded on a worker
 * thread, so memory stays bounded by the live state, whatever the length of the log.
 */
@ApplicationScoped
public class AefReportService {

    /** Events read and folded per round trip. */
    static final int PAGE = 5000;

    private final Article6Reader reader;

    AefReportService(Article6Reader reader) {
        this.reader = reader;
    }

    /** The tables of {@code party} for {@code year}. */
    public Uni<AefReport> report(PartyCode party, int year) {
        return reader.lastSeqBefore(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .flatMap(cut -> fold(AefRows.start(ledgerConfig(), party, year), 0, cut))
                .map(AefRows::finish);
    }

    private Uni<AefRows> fold(AefRows rows, long afterSeq, long cut) {
        if (afterSeq >= cut) {
            return Uni.createFrom().item(rows);
        }
        return reader.events(afterSeq, cut, PAGE)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(events -> {
                    if (events.isEmpty()) {
                        throw new IllegalStateException("ledger_event has no events after seq " + afterSeq + " up to " + cut);
                    }
                    for (LedgerEvent e : events) {
                        rows.accept(e);
                    }
                    return fold(rows, events.get(events.size() - 1).seq(), cut);
                });
    }

    /**
     * The configuration the fold depends on (the NDC periods). It must be the writer's: the writer
     * folds with {@link LedgerConfig#DEFAULT}, the only configuration the registry has.
     */
    static LedgerConfig ledgerConfig() {
        return LedgerConfig.DEFAULT;
    }
}
