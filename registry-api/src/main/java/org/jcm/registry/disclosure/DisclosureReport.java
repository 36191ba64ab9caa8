package org.jcm.registry.disclosure;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.persistence.Article6Reader.RetiredPiece;

/**
 * Builds an organization's net disclosure statement for a Japanese fiscal year (docs/disclosure.md):
 * the gross figures of the latest emission record, the JCM credits retired for the organization
 * ({@link OrganizationRetirements}) by purpose and by corresponding-adjustment status, and the net
 * figure beside the gross one with the rule that produced it; and the anonymized list of its uses.
 */
@ApplicationScoped
public class DisclosureReport {

    /** The rule of the net figure. */
    public static final DisclosureJson.Rule RULE = new DisclosureJson.Rule("JCM_ADJUSTED_SCOPE_1_2_V1",
            "Net = scope 1 + scope 2 of the latest emission record, less the JCM credits retired for the organization "
                    + "in the fiscal year (Japan Standard Time) with purpose VOLUNTARY, or NDC used by Japan; not below zero. "
                    + "Credits retired for OIMP or another Party's NDC, and scope 3, are not netted. The gross figures "
                    + "stand unchanged beside the net figure, which is an adjusted figure, not an inventory.",
            "docs/disclosure.md#the-net-figure");

    /** What a reader must keep in mind, printed on every form of the statement. */
    public static final String NOTICE = "Gross emissions are the organization's inventory and are not reduced by credits. "
            + "The net figure is an adjusted figure shown beside them. Emission figures are stated by the organization; "
            + "the registry verifies only that they were not changed after they were recorded.";

    private final OrganizationRetirements retirements;

    DisclosureReport(OrganizationRetirements retirements) {
        this.retirements = retirements;
    }

    /** The statement of {@code org} for {@code year}, given its verified emission versions and its publications. */
    public Uni<DisclosureJson.Statement> statement(Publications.Org org, FiscalYear year, List<StoredEmissionRecord> versions,
                                                   List<String> published, long asOfSeq) {
        return retirements.of(org.id(), year, asOfSeq).map(pieces -> {
            List<DisclosureJson.CreditLine> lines = new ArrayList<>(pieces.size());
            for (OrganizationRetirements.Piece p : pieces) {
                lines.add(line(p));
            }
            DisclosureJson.Gross gross = versions.isEmpty() ? null : gross(versions.get(versions.size() - 1));
            return new DisclosureJson.Statement(new DisclosureJson.Organization(org.id(), org.name()), org.scope().registryId(),
                    year.year(), LocalDate.of(year.year(), 4, 1).toString(), LocalDate.of(year.year() + 1, 3, 31).toString(),
                    asOfSeq, gross, credits(lines), gross == null ? null : net(gross, lines), RULE, published, NOTICE);
        });
    }

    /** The anonymized uses of {@code org} in {@code year}: purpose, quantity, vintage, project; nothing of accounts or names. */
    public Uni<List<DisclosureJson.Use>> uses(String organizationId, FiscalYear year, long asOfSeq) {
        return retirements.of(organizationId, year, asOfSeq).map(pieces -> {
            List<DisclosureJson.Use> uses = new ArrayList<>(pieces.size());
            for (OrganizationRetirements.Piece p : pieces) {
                RetiredPiece r = p.piece();
                uses.add(new DisclosureJson.Use(FiscalYear.dateInJapan(r.event().at()).toString(), r.event().purpose().name(),
                        r.range().size(), r.range().vintage().year(), r.range().projectId().value(),
                        r.range().hostParty().value(), adjustment(r)));
            }
            return uses;
        });
    }

    /** The ledger's head, which a statement is as of. */
    public Uni<Long> head() {
        return retirements.head();
    }

    private static DisclosureJson.Gross gross(StoredEmissionRecord latest) {
        EmissionRecord r = latest.record();
        return new DisclosureJson.Gross(r.version(), r.scope1(), r.scope2(), r.scope2Basis(), r.scope3(), EmissionRecord.UNIT,
                r.source(), r.assuranceReference(), EventCodec.formatTime(r.recordedAt()), latest.sha256(),
                "/api/v1/organizations/" + r.organizationId() + "/emissions/" + r.fiscalYear());
    }

    private static DisclosureJson.CreditLine line(OrganizationRetirements.Piece p) {
        RetiredPiece r = p.piece();
        CreditsRetired e = r.event();
        String notCounted = notCountedBecause(e);
        return new DisclosureJson.CreditLine(e.seq(), EventCodec.formatTime(e.at()), FiscalYear.dateInJapan(e.at()).toString(),
                new DisclosureJson.Organization(p.origin().retiringOrganizationId(), p.origin().retiringOrganizationName()),
                p.origin().how(), beneficiaryName(p), r.serial(), r.range().projectId().value(),
                r.range().hostParty().value(), r.range().vintage().year(), r.range().size(), e.purpose().name(),
                e.usingParty().map(u -> u.value()).orElse(null), e.yearOfUse().map(y -> (long) y.getValue()).orElse(null),
                r.authorizationId(), adjustment(r), r.authorizationId() == null ? null : r.caState(), notCounted == null,
                notCounted, "/api/v1/retirements/" + e.seq() + "/certificate");
    }

    /**
     * The organization a counted retirement names by id (always the statement's organization), or null when it names
     * no one; a stated name is never counted ({@link OrganizationRetirements}).
     */
    private static String beneficiaryName(OrganizationRetirements.Piece p) {
        return p.piece().event().beneficiary()
                .map(b -> b instanceof Beneficiary.Organization o ? o.organizationId().value() : ((Beneficiary.Stated) b).name())
                .orElse(null);
    }

    /** Why a retirement is not netted, or null when it is (the rule {@link #RULE}). */
    static String notCountedBecause(CreditsRetired e) {
        switch (e.purpose()) {
            case VOLUNTARY:
                return null;
            case NDC:
                return e.usingParty().filter(p -> p.value().equals("JPN")).isPresent() ? null
                        : "retired towards another Party's NDC";
            default:
                return "retired for another international mitigation purpose (OIMP)";
        }
    }

    /** ADJUSTED (the host applied the adjustment), AUTHORIZED_NOT_ADJUSTED, or NOT_AUTHORIZED. */
    static String adjustment(RetiredPiece r) {
        if (r.authorizationId() == null) {
            return "NOT_AUTHORIZED";
        }
        return "APPLIED".equals(r.caState()) ? "ADJUSTED" : "AUTHORIZED_NOT_ADJUSTED";
    }

    private static DisclosureJson.Credits credits(List<DisclosureJson.CreditLine> lines) {
        Map<String, long[]> byPurpose = new TreeMap<>();
        Map<String, long[]> byAdjustment = new TreeMap<>();
        long total = 0;
        long counted = 0;
        for (DisclosureJson.CreditLine l : lines) {
            long c = l.counted() ? l.quantity() : 0;
            add(byPurpose, l.purpose(), l.quantity(), c);
            add(byAdjustment, l.correspondingAdjustment(), l.quantity(), c);
            total += l.quantity();
            counted += c;
        }
        return new DisclosureJson.Credits(lines, totals(byPurpose), totals(byAdjustment), total, counted);
    }

    private static void add(Map<String, long[]> totals, String key, long quantity, long counted) {
        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
        t[0] += quantity;
        t[1] += counted;
    }

    private static List<DisclosureJson.Total> totals(Map<String, long[]> totals) {
        List<DisclosureJson.Total> list = new ArrayList<>(totals.size());
        totals.forEach((key, t) -> list.add(new DisclosureJson.Total(key, t[0], t[1])));
        return list;
    }

    private static DisclosureJson.Net net(DisclosureJson.Gross gross, List<DisclosureJson.CreditLine> lines) {
        long scope12 = gross.scope1() + gross.scope2();
        long counted = 0;
        long adjusted = 0;
        for (DisclosureJson.CreditLine l : lines) {
            if (l.counted()) {
                counted += l.quantity();
                if ("ADJUSTED".equals(l.correspondingAdjustment())) {
                    adjusted += l.quantity();
                }
            }
        }
        long applied = Math.min(counted, scope12);
        return new DisclosureJson.Net(scope12, counted, applied, counted - applied, scope12 - applied, adjusted,
                scope12 - Math.min(adjusted, scope12), EmissionRecord.UNIT);
    }
}
