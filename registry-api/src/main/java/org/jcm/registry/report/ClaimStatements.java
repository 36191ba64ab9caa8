package org.jcm.registry.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.report.AefColumns.Column;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.report.PublicReports.StatementLine;

/**
 * A company's retirement statement for a Japanese fiscal year, in three separate lists, so that
 * what a company claims for itself is never mixed with what others claimed for it:
 * <ul>
 * <li>{@code forItself}: retired by the organization naming itself (by id) or naming no one;</li>
 * <li>{@code byOthersNamingIt}: retired by other organizations naming it by id, each line showing
 * who retired;</li>
 * <li>{@code forOthers}: retired by the organization naming another organization or a stated
 * name (a stated name, even its own, is never its own claim).</li>
 * </ul>
 * A stated name never puts a retirement in the statement of the organization it may mean.
 */
@ApplicationScoped
public class ClaimStatements {

    /** The lists, in the order the statement shows them. */
    public enum ClaimList {
        FOR_ITSELF, BY_OTHERS_NAMING_IT, FOR_OTHERS
    }

    /** A statement line and the list it is in: the rows of the CSV form. */
    public record ListedLine(ClaimList list, StatementLine line) {
    }

    /** Columns of the CSV form: the list, then the columns of the retirement statement. */
    public static final List<Column<ListedLine>> CSV = csvColumns();

    /** An organization's statement: its id and registered name, the fiscal year and the three lists, each in ledger order. */
    public record CompanyStatement(String organizationId, String organizationName, FiscalYear fiscalYear,
                                   List<StatementLine> forItself, List<StatementLine> byOthersNamingIt,
                                   List<StatementLine> forOthers) {

        /** Every line with its list, list by list. */
        public List<ListedLine> listed() {
            List<ListedLine> rows = new ArrayList<>();
            forItself.forEach(l -> rows.add(new ListedLine(ClaimList.FOR_ITSELF, l)));
            byOthersNamingIt.forEach(l -> rows.add(new ListedLine(ClaimList.BY_OTHERS_NAMING_IT, l)));
            forOthers.forEach(l -> rows.add(new ListedLine(ClaimList.FOR_OTHERS, l)));
            return rows;
        }
    }

    private final Article6Reader reader;

    ClaimStatements(Article6Reader reader) {
        this.reader = reader;
    }

    /** The statement of organization {@code organizationId} for {@code fiscalYear}; empty if no such organization exists. */
    public Uni<Optional<CompanyStatement>> of(String organizationId, FiscalYear fiscalYear) {
        return reader.claimsOf(organizationId, fiscalYear.start(), fiscalYear.end()).chain(events -> {
            Set<String> ids = new HashSet<>(RetirementClaim.organizationIds(events));
            ids.add(organizationId);
            return reader.organizationNames(ids).chain(names -> {
                if (!names.containsKey(organizationId)) {
                    return Uni.createFrom().item(Optional.<CompanyStatement>empty());
                }
                return reader.pieces(events).map(pieces -> Optional.of(split(organizationId, names.get(organizationId),
                        fiscalYear, PublicReports.lines(pieces, names))));
            });
        });
    }

    /** Puts each line in its list by who retired and whom it names. */
    static CompanyStatement split(String organizationId, String name, FiscalYear fiscalYear, List<StatementLine> lines) {
        List<StatementLine> forItself = new ArrayList<>();
        List<StatementLine> byOthers = new ArrayList<>();
        List<StatementLine> forOthers = new ArrayList<>();
        for (StatementLine l : lines) {
            RetirementClaim c = l.claim();
            boolean namesIt = "ORGANIZATION".equals(c.kind()) && organizationId.equals(c.beneficiaryOrganizationId());
            if (organizationId.equals(c.retiringOrganizationId())) {
                (c.kind() == null || namesIt ? forItself : forOthers).add(l);
            } else if (namesIt) {
                byOthers.add(l);
            }
        }
        return new CompanyStatement(organizationId, name, fiscalYear, forItself, byOthers, forOthers);
    }

    private static List<Column<ListedLine>> csvColumns() {
        List<Column<ListedLine>> columns = new ArrayList<>();
        columns.add(new Column<>("List", "list", l -> l.list().name()));
        for (Column<StatementLine> c : PublicReports.STATEMENT) {
            columns.add(new Column<>(c.name(), c.key(), l -> c.value().apply(l.line())));
        }
        return List.copyOf(columns);
    }
}
