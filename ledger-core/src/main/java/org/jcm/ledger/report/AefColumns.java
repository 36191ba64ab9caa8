package org.jcm.ledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.PartyCode;

/**
 * The columns of each AEF table, in order: the AEF column name (the CSV header), the camelCase key
 * of the JSON twin, and the cell value. JSON and CSV carry the same values: text in the AEF's
 * wording, numbers as numbers, {@code null} for an empty cell.
 */
public final class AefColumns {

    /** One column: CSV header, JSON key and how a row gives its cell ({@code String}, {@code Long}, {@code Boolean} or null). */
    public record Column<R>(String name, String key, Function<R, Object> value) {
    }

    /** Table 2, authorizations. */
    public static final List<Column<AuthorizationRow>> T2 = List.of(
            new Column<>("Authorization ID", "authorizationId", r -> r.authorizationId().value()),
            new Column<>("Version", "version", r -> (long) r.version()),
            new Column<>("Date of authorization", "date", r -> r.date().toString()),
            new Column<>("Authorizing Party", "authorizingParty", r -> r.party().value()),
            new Column<>("Cooperative approach", "cooperativeApproach", r -> r.cooperativeApproachId().value()),
            new Column<>("Purposes for authorization", "purposes", r -> purposes(r.purpose())),
            new Column<>("OIMP authorized", "oimp", r -> r.oimp().orElse(null)),
            new Column<>("First transfer definition", "firstTransferDefinition",
                    r -> r.firstTransferDefinition().map(AefColumns::definition).orElse(null)),
            new Column<>("Authorized quantity", "authorizedQuantity", r -> r.authorizedQuantity().map(q -> q.tonnes()).orElse(null)),
            new Column<>("Vintages", "vintages", r -> r.vintages().isEmpty() ? null : join(r.vintages(), v -> Integer.toString(v.year()))),
            new Column<>("Sector(s)", "sectors", r -> sectors(r.sectorActivity())),
            new Column<>("Activity type(s)", "activityTypes", r -> activityTypes(r.sectorActivity())),
            new Column<>("Authorized entities", "authorizedEntities",
                    r -> r.authorizedEntities().isEmpty() ? null : join(r.authorizedEntities(), e -> e)),
            new Column<>("Quantity (tCO2e)", "quantity", r -> r.quantity()),
            new Column<>("Issuance ID", "issuanceId", r -> r.issuanceId().map(i -> i.value()).orElse(null)),
            new Column<>("Changes to authorization", "changes", r -> r.change().aefName()),
            new Column<>("Reason for change", "reason", r -> r.reason().orElse(null)),
            new Column<>("Ledger sequence", "seq", r -> r.seq()));

    /** Table 3, actions. */
    public static final List<Column<ActionRow>> T3 = List.of(
            new Column<>("Action date", "date", r -> r.date().toString()),
            new Column<>("Action type", "actionType", r -> r.actionType().aefName()),
            new Column<>("Cooperative approach", "cooperativeApproach", r -> r.cooperativeApproachId().value()),
            new Column<>("Authorization ID", "authorizationId", r -> r.authorizationId().value()),
            new Column<>("First transferring Party", "firstTransferringParty", r -> r.firstTransferringParty().value()),
            new Column<>("Registry ID", "registryId", r -> r.registryId().value()),
            new Column<>("First ID", "firstId", r -> r.firstId().format()),
            new Column<>("Last ID", "lastId", r -> r.lastId().format()),
            new Column<>("Quantity (tCO2e)", "quantity", r -> r.quantity()),
            new Column<>("Vintage", "vintage", r -> (long) r.vintage().year()),
            new Column<>("Sector(s)", "sectors", r -> sectors(r.sectorActivity())),
            new Column<>("Activity type(s)", "activityTypes", r -> activityTypes(r.sectorActivity())),
            new Column<>("Transferring Party", "transferringParty", r -> party(r.transferringParty())),
            new Column<>("Acquiring Party", "acquiringParty", r -> party(r.acquiringParty())),
            new Column<>("Purposes for authorization", "purposes", r -> purposes(r.purposes())),
            new Column<>("Purpose of use or cancellation", "purposeOfUse", r -> r.purposeOfUse().map(UsePurpose::aefName).orElse(null)),
            new Column<>("Using Party or entity", "usingPartyOrEntity", r -> r.usingPartyOrEntity().orElse(null)),
            new Column<>("Year of use", "yearOfUse", r -> r.yearOfUse().map(y -> (long) y.getValue()).orElse(null)),
            new Column<>("Ledger sequence", "seq", r -> r.seq()));

    /** Table 4, holdings at 31 December. */
    public static final List<Column<HoldingRow>> T4 = List.of(
            new Column<>("Registry ID", "registryId", r -> r.registryId().value()),
            new Column<>("Account ID", "accountId", r -> r.accountId().value()),
            new Column<>("Cooperative approach", "cooperativeApproach", r -> r.cooperativeApproachId().value()),
            new Column<>("Authorization ID", "authorizationId", r -> r.authorizationId().value()),
            new Column<>("First transferring Party", "firstTransferringParty", r -> r.firstTransferringParty().value()),
            new Column<>("First ID", "firstId", r -> r.firstId().format()),
            new Column<>("Last ID", "lastId", r -> r.lastId().format()),
            new Column<>("Quantity (tCO2e)", "quantity", r -> r.quantity()),
            new Column<>("Vintage", "vintage", r -> (long) r.vintage().year()),
            new Column<>("Sector(s)", "sectors", r -> sectors(r.sectorActivity())),
            new Column<>("Activity type(s)", "activityTypes", r -> activityTypes(r.sectorActivity())),
            new Column<>("Purposes for authorization", "purposes", r -> purposes(r.purposes())),
            new Column<>("Corresponding adjustment", "correspondingAdjustment", r -> r.caState().name()),
            new Column<>("First transferred", "firstTransferred", r -> r.firstTransferred()));

    private AefColumns() {
    }

    /** The AEF wording of authorization purposes: {@code NDC}, {@code OIMP}, {@code NDC and OIMP}. */
    public static String purposes(AuthorizationPurpose purpose) {
        return switch (purpose) {
            case NDC -> "NDC";
            case OIMP -> "OIMP";
            case NDC_AND_OIMP -> "NDC and OIMP";
        };
    }

    /** The AEF wording of an OIMP first-transfer definition. */
    public static String definition(OimpFirstTransfer definition) {
        return switch (definition) {
            case AUTHORIZATION -> "Authorization";
            case ISSUANCE -> "Issuance";
            case USE_OR_CANCELLATION -> "Use or cancellation";
        };
    }

    /** The column names of {@code table}, i.e. its CSV header. */
    public static List<String> names(AefTable table) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns(table)) {
            names.add(c.name());
        }
        return names;
    }

    /** The columns of {@code table}, untyped (for callers that serialize any table). */
    public static List<? extends Column<?>> columns(AefTable table) {
        return switch (table) {
            case T2 -> T2;
            case T3 -> T3;
            case T4 -> T4;
        };
    }

    /** The cells of one row of {@code columns}, in column order. */
    public static <R> List<Object> cells(List<Column<R>> columns, R row) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            cells.add(c.value().apply(row));
        }
        return cells;
    }

    /** The sectors of a row, {@code ; }-separated; empty when no methodology of its units is registered. */
    private static String sectors(SectorActivity s) {
        return s.sectors().isEmpty() ? null : join(s.sectors(), t -> t);
    }

    /** The activity types of a row, {@code ; }-separated; empty when no methodology of its units is registered. */
    private static String activityTypes(SectorActivity s) {
        return s.activityTypes().isEmpty() ? null : join(s.activityTypes(), t -> t);
    }

    private static String party(Optional<PartyCode> party) {
        return party.map(PartyCode::value).orElse(null);
    }

    /** Several values in one cell, separated by "; " (a list has no AEF cell type of its own). */
    private static <T> String join(List<T> values, Function<T, String> text) {
        StringBuilder b = new StringBuilder();
        for (T v : values) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(text.apply(v));
        }
        return b.toString();
    }
}
