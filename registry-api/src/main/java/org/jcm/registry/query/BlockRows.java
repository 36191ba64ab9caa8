package org.jcm.registry.query;

import io.vertx.mutiny.sqlclient.Row;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.serial.UnitRange;
import org.jcm.registry.api.AuthorizationRef;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.HolderView;

/**
 * Reads {@code block} rows (joined with the host {@code party} for its cooperative approach and with
 * the {@code project} for its first host) into {@link BlockView}s. Serials and ITMO ids are formatted
 * by ledger-core's value types, so the read side writes them exactly as the ledger does: a block in
 * another host's numbering line than the project's first host's has a serial naming that host.
 */
final class BlockRows {

    /**
     * The columns {@link #view} reads, for {@code SELECT}; {@code b} is the block, {@code p} its host Party, {@code pr}
     * its project.
     */
    static final String COLUMNS = "b.host_party, b.vintage, b.first_unit, b.last_unit, b.project_id, b.issuance_id,"
            + " b.issuing_registry_id, b.account_id, b.status, b.authorization_id, b.authorization_purpose, b.ca_state,"
            + " b.label, b.first_transferred, p.cooperative_approach_id, pr.host_party AS project_host";
    /** The column holdings add: the pending action a block's units are reserved for, null when they are available. */
    static final String RESERVED_FOR = "reserved_for";
    /**
     * The expression of {@link #RESERVED_FOR}: the reservation (V53) whose range holds the block's first unit. The
     * ledger keeps a block either wholly reserved or not at all.
     */
    static final String RESERVED_FOR_COLUMN = "(SELECT x.action_id FROM (SELECT rv.action_id, rv.last_unit FROM reservation rv"
            + " WHERE rv.host_party = b.host_party AND rv.vintage = b.vintage AND rv.first_unit <= b.first_unit"
            + " ORDER BY rv.first_unit DESC LIMIT 1) x WHERE x.last_unit >= b.first_unit) AS " + RESERVED_FOR;
    /** The tables {@link #COLUMNS} come from. */
    static final String FROM = "block b JOIN party p ON p.code = b.host_party JOIN project pr ON pr.id = b.project_id";

    private BlockRows() {
    }

    /** The block of a row; with {@code showHolder}, its holder's registry and account type as well. */
    static BlockView view(Row row, boolean showHolder) {
        String host = row.getString("host_party");
        int vintage = row.getInteger("vintage");
        long first = row.getLong("first_unit");
        long last = row.getLong("last_unit");
        String projectId = row.getString("project_id");
        String issuingRegistry = row.getString("issuing_registry_id");
        String authorizationId = row.getString("authorization_id");
        AuthorizationRef authorization = authorizationId == null ? null
                : new AuthorizationRef(authorizationId, row.getString("authorization_purpose"));
        HolderView holder = showHolder ? holder(row.getString("account_id")) : null;
        String ca = row.getString("cooperative_approach_id");
        return new BlockView(serial(projectId, row.getString("project_host"), host, vintage, first, last), itmoId(ca, issuingRegistry, host, first, vintage),
                itmoId(ca, issuingRegistry, host, last, vintage), host, projectId, vintage, first, last, last - first + 1,
                row.getString("issuance_id"), issuingRegistry, row.getString("status"), row.getString("label"),
                authorization, row.getString("ca_state"), row.getBoolean("first_transferred"), holder,
                row.getColumnIndex(RESERVED_FOR) >= 0 ? row.getString(RESERVED_FOR) : null);
    }

    /**
     * The serial of a unit range in {@code numberingHost}'s line: {@code JCM-{projectId}-{vintage}-{first}-{last}} when
     * that is the project's first host ({@code projectHost}), else {@code JCM-{projectId}-{host}-{vintage}-{first}-{last}}.
     */
    static String serial(String projectId, String projectHost, String numberingHost, int vintage, long first, long last) {
        return BlockSerial.of(ProjectId.parse(projectId), PartyCode.parse(projectHost), PartyCode.parse(numberingHost),
                Vintage.of(vintage), UnitRange.of(first, last)).format();
    }

    /** The ITMO id of one unit, or null when the host Party has no cooperative approach. */
    static String itmoId(String cooperativeApproachId, String issuingRegistryId, String hostParty, long unit, int vintage) {
        if (cooperativeApproachId == null) {
            return null;
        }
        return new ItmoId(CooperativeApproachId.parse(cooperativeApproachId), RegistryId.parse(issuingRegistryId),
                PartyCode.parse(hostParty), unit, Vintage.of(vintage)).format();
    }

    /** The public view of an account: its registry and type, both implied by the id's format. */
    static HolderView holder(String accountId) {
        AccountId id = AccountId.parse(accountId);
        return new HolderView(id.registryId().value(), id.type().name());
    }
}
