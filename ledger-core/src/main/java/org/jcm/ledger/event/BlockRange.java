package org.jcm.ledger.event;

import java.util.Objects;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;

/**
 * An explicit unit range in an event, lying within one live block when the event is folded: host
 * Party, vintage, project, issuance, issuing registry and the inclusive range {@code [first, last]}.
 */
public record BlockRange(PartyCode hostParty, Vintage vintage, ProjectId projectId, IssuanceId issuanceId,
                         RegistryId issuingRegistryId, long first, long last) {

    public BlockRange {
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(issuingRegistryId, "issuingRegistryId");
        if (first < 1 || last > Quantity.MAX || first > last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " must satisfy 1 <= first <= last <= 2^53 - 1");
        }
    }

    public long size() {
        return last - first + 1;
    }

    public UnitRange range() {
        return new UnitRange(first, last);
    }

    /**
     * The serial in the project's first host's numbering line, as written for a single-host project;
     * a range of a multi-country project numbered in another host's line is named by
     * {@link #serial(PartyCode)}.
     */
    public BlockSerial serial() {
        return new BlockSerial(projectId, vintage, range());
    }

    /** The serial naming this range's host when it is not {@code projectHost}, the project's first host. */
    public BlockSerial serial(PartyCode projectHost) {
        return BlockSerial.of(projectId, projectHost, hostParty, vintage, range());
    }

    /** The key of the block this range starts (after the fold carved it out). */
    public BlockKey key() {
        return new BlockKey(hostParty, vintage, first);
    }
}
