package org.jcm.registry.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Every line shows who retired, for whom and how the beneficiary is known ({@link RetirementClaim}).
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
            new Column<>("Retiring organization ID", "retiringOrganizationId", l -> l.claim().retiringOrganizationId()),
            new Column<>("Retiring organization", "retiringOrganization", l -> l.claim().retiringOrganizationName()),
            new Column<>("Beneficiary kind", "beneficiaryKind", l -> l.claim().kind()),
            new Column<>("Beneficiary organization ID", "beneficiaryOrganizationId", l -> l.claim().beneficiaryOrganizationId()),
            new Column<>("Beneficiary", "beneficiary", l -> l.claim().beneficiaryName()),
            new Column<>("How the beneficiary is known", "howKnown", l -> l.claim().howKnown()),
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
     * holds) and its serial, when, by whom, for whom and what for it was retired, and, for ITMOs, their ids, authorization
     * and corresponding-adjustment state as of now ({@code null} for units never authorized).
     */
    public record StatementLine(long seq, Instant retiredAt, LocalDate date, RetirementClaim claim, String registryId,
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

    /**
     * The lines of the statement of the beneficiary named {@code beneficiary} for {@code fiscalYear},
     * in ledger order: retirements whose stated name, or whose beneficiary organization's registered
     * name, has the same {@link NameKey} as {@code beneficiary}. Each line says which it is.
     */
    public Uni<List<StatementLine>> statement(String beneficiary, FiscalYear fiscalYear) {
        String key = NameKey.of(beneficiary);
        return reader.retirementsBetween(fiscalYear.start(), fiscalYear.end())
                .chain(events -> reader.organizationNames(RetirementClaim.organizationIds(events)).chain(names -> {
                    List<CreditsRetired> named = new ArrayList<>();
                    for (CreditsRetired e : events) {
                        String name = RetirementClaim.of(e, names).beneficiaryName();
                        if (name != null && NameKey.of(name).equals(key)) {
                            named.add(e);
                        }
                    }
                    return reader.pieces(named).map(pieces -> lines(pieces, names));
                }));
    }

    /** The lines of the newest {@code limit} retirements, newest first, and the ledger seq they reflect. */
    public Uni<Recent> recent(int limit) {
        return reader.recentRetirements(limit).chain(found -> names(found.pieces())
                .map(names -> new Recent(found.asOfSeq(), lines(found.pieces(), names))));
    }

    /** The registered names of the organizations the claims of {@code pieces} show. */
    Uni<Map<String, String>> names(List<RetiredPiece> pieces) {
        List<CreditsRetired> events = new ArrayList<>(pieces.size());
        for (RetiredPiece p : pieces) {
            events.add(p.event());
        }
        return reader.organizationNames(RetirementClaim.organizationIds(events));
    }

    static List<StatementLine> lines(List<RetiredPiece> pieces, Map<String, String> names) {
        List<StatementLine> lines = new ArrayList<>(pieces.size());
        for (RetiredPiece p : pieces) {
            lines.add(line(p, names));
        }
        return lines;
    }

    /** Lines of the newest retirements, newest first, as of ledger seq {@code asOfSeq}. */
    public record Recent(long asOfSeq, List<StatementLine> lines) {
    }

    private static StatementLine line(RetiredPiece p, Map<String, String> names) {
        CreditsRetired e = p.event();
        BlockRange r = p.range();
        String first = null;
        String last = null;
        if (p.cooperativeApproachId() != null) {
            CooperativeApproachId ca = new CooperativeApproachId(p.cooperativeApproachId());
            first = new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.first(), r.vintage()).format();
            last = new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.last(), r.vintage()).format();
        }
        return new StatementLine(e.seq(), e.at(), FiscalYear.dateInJapan(e.at()), RetirementClaim.of(e, names),
                e.fromAccountId().registryId().value(), r, p.serial(), e.purpose().name(), e.usingParty().map(u -> u.value()).orElse(null),
                e.yearOfUse().map(y -> (long) y.getValue()).orElse(null), p.authorizationId(),
                p.authorizationId() == null ? null : p.caState(), first, last);
    }
}
