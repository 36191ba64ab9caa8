package org.jcm.registry.api;

import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.serial.ItmoId;

/** A contiguous range of units in an answer: its block serial, quantity and first and last ITMO id. */
public record UnitRangeJson(String serial, long quantity, String firstItmoId, String lastItmoId) {

    /**
     * The range with ITMO ids under the cooperative approach {@code ca}; its serial names its host when that is not
     * {@code projectHost}, the first host of its project.
     */
    public static UnitRangeJson of(BlockRange r, PartyCode projectHost, CooperativeApproachId ca) {
        return new UnitRangeJson(r.serial(projectHost).format(), r.size(),
                new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.first(), r.vintage()).format(),
                new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.last(), r.vintage()).format());
    }
}
