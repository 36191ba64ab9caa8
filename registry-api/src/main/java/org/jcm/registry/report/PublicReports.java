package org.jcm.registry.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.report.AefColumns.Column;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.persistence.Article6Reader.RetiredPiece;
import org.jcm.registry.persistence.Article6Reader.Summary;

/**
 * The public reports: totals per host Party and vintage, retirement statements per beneficiary
 * and Japanese fiscal year, and the newest retirements, with their columns (shared by JSON and CSV).
 */
@ApplicationScoped
public class PublicReports {

    /** Columns of {@code GET /api/v1/reports/summary}. */
    public static final List<Column<Summary.Line>> SUMMARY = List.of(
            new Column<>("Host Party", "hostParty", Summary.Line::hostParty),
            new Column<>("Vintage", "vintage", l -> (long) l.vintage()),
            new Column<>("Issued (tCO2e)", "issued", Summary.Line::issued),
            new Column<>("Held (tCO2e)", "held", Summary.Line::held),
            new Column<>("Retired (tCO2e)", "retired", Summary.Line::retired),
            new Column<>("Cancelled (tCO2e)", "cancelled", Summary.Line::cancelled));

    /** Columns of {@code GET /api/v1/reports/retirements}. */
    public static final List<Column<StatementLine>> STATEMENT = List.of(
            new Column<>("Retirement date (JST)", "date", l -> l.date().toString()),
            new Column<>("Retired at (UTC)", "retiredAt", l -> EventCodec.formatTime(l.retiredAt())),
            new Column<>("Beneficiary", "beneficiary", StatementLine::beneficiary),
            new Column<>("Registry ID", "registryId", StatementLine::registryId),
            new Column<>("Serial", "serial", StatementLine::serial),
            new Column<>("Project", "projectId", l -> l.range().projectId().value()),
            new Column<>("Host Party", "hostParty", l -> l.range().hostParty().value()),
            new Column<>("Vintage", "vintage", l -> (long) l.range().vintage().year()),
            new Column<>("Quantity (tCO2e)", "quantity", l -> l.range().size()),
            new Column<>("Purpose", "purpose", StatementLine::purpose),
            new Column<>("Using Party", "usingParty", StatementLine::usingParty),
            new Column<>("Year of use", "yearOfUse", StatementLine::yearOfUse),
            new Column<>("Authorization ID", "authorizationId", StatementLine::authorizationId),
            new Column<>("Corresponding adjustment", "correspondingAdjustment", StatementLine::correspondingAdjustment),
            new Column<>("First ITMO ID", "firstItmoId", StatementLine::firstItmoId),
            new Column<>("Last ITMO ID", "lastItmoId", StatementLine::lastItmoId),
            new Column<>("Ledger sequence", "seq", StatementLine::seq));

    /**
     * One line of a retirement statement: a retired range (or the part of it one of today's blocks
     * holds) and its serial, when and what for it was retired, and, for ITMOs, their ids, authorization
     * and corresponding-adjustment state as of now ({@code null} for units never authorized).
     */
    public record StatementLine(long seq, Instant retiredAt, LocalDate date, String beneficiary, String registryId,
                                BlockRange range, String serial, String purpose, String usingParty, Long yearOfUse, String authorizationId,
                                String correspondingAdjustment, String firstItmoId, String lastItmoId) {
    }

    private final Article6Reader reader;

    PublicReports(Article6Reader reader) {
        this.reader = reader;
    }

    public Uni<Summary> summary() {
        return reader.summary();
    }

    /** The lines of {@code beneficiary}'s statement for {@code fiscalYear}, in ledger order. */
    public Uni<List<StatementLine>> statement(String beneficiary, FiscalYear fiscalYear) {
        return reader.retirements(beneficiary, fiscalYear.start(), fiscalYear.end()).map(pieces -> {
            List<StatementLine> lines = new ArrayList<>(pieces.size());
            for (RetiredPiece p : pieces) {
                lines.add(line(p));
            }
            return lines;
        });
    }

    /** The lines of the newest {@code limit} retirements, newest first, and the ledger seq they reflect. */
    public Uni<Recent> recent(int limit) {
        return reader.recentRetirements(limit).map(found -> {
            List<StatementLine> lines = new ArrayList<>(found.pieces().size());
            for (RetiredPiece p : found.pieces()) {
                lines.add(line(p));
            }
            return new Recent(found.asOfSeq(), lines);
        });
    }

    /** Lines of the newest retirements, newest first, as of ledger seq {@code asOfSeq}. */
    public record Recent(long asOfSeq, List<StatementLine> lines) {
    }

    private static StatementLine line(RetiredPiece p) {
        CreditsRetired e = p.event();
        BlockRange r = p.range();
        String first = null;
        String last = null;
        if (p.cooperativeApproachId() != null) {
            CooperativeApproachId ca = new CooperativeApproachId(p.cooperativeApproachId());
            first = new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.first(), r.vintage()).format();
            last = new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.last(), r.vintage()).format();
        }
        return new StatementLine(e.seq(), e.at(), FiscalYear.dateInJapan(e.at()), e.beneficiary().orElse(null),
                e.fromAccountId().registryId().value(), r, p.serial(), e.purpose().name(), e.usingParty().map(u -> u.value()).orElse(null),
                e.yearOfUse().map(y -> (long) y.getValue()).orElse(null), p.authorizationId(),
                p.authorizationId() == null ? null : p.caState(), first, last);
    }
}
