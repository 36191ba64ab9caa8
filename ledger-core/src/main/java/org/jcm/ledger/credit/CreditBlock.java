package org.jcm.ledger.credit;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.serial.UnitRange;

/**
 * An immutable snapshot of one live block: a contiguous unit range with identical attributes.
 * This is what readers (the REST layer, persistence, tests) see; the ledger keeps its own mutable form.
 */
public record CreditBlock(PartyCode hostParty, Vintage vintage, ProjectId projectId, IssuanceId issuanceId,
                          RegistryId issuingRegistryId, UnitRange range, AccountId holderAccountId, BlockStatus status,
                          Optional<AuthorizationId> authorizationId, Optional<AuthorizationPurpose> authorizationPurpose,
                          CaState caState, boolean firstTransferred) {

    public CreditBlock {
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(issuingRegistryId, "issuingRegistryId");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(holderAccountId, "holderAccountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(authorizationPurpose, "authorizationPurpose");
        Objects.requireNonNull(caState, "caState");
    }

    public BlockKey key() {
        return new BlockKey(hostParty, vintage, range.first());
    }

    public long quantity() {
        return range.size();
    }

    public Label label() {
        return caState.label();
    }

    /**
     * The serial in the project's first host's numbering line, as written for a single-host project;
     * a block of a multi-country project numbered in another host's line is named by
     * {@link #serial(PartyCode)}.
     */
    public BlockSerial serial() {
        return new BlockSerial(projectId, vintage, range);
    }

    /** The serial naming this block's host when it is not {@code projectHost}, the project's first host. */
    public BlockSerial serial(PartyCode projectHost) {
        return BlockSerial.of(projectId, projectHost, hostParty, vintage, range);
    }

    /** The ITMO id of the first unit, given the host Party's cooperative approach. */
    public ItmoId firstItmoId(CooperativeApproachId cooperativeApproachId) {
        return new ItmoId(cooperativeApproachId, issuingRegistryId, hostParty, range.first(), vintage);
    }

    /** The ITMO id of the last unit, given the host Party's cooperative approach. */
    public ItmoId lastItmoId(CooperativeApproachId cooperativeApproachId) {
        return new ItmoId(cooperativeApproachId, issuingRegistryId, hostParty, range.last(), vintage);
    }
}
