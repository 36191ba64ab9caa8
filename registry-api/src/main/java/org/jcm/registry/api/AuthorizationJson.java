package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An Article 6.2 authorization as the API shows it: fixed terms (Party, cooperative approach,
 * purpose, OIMP and its first-transfer definition), the current terms, unit counts and, when read
 * one by one, every version with the units it named, its first transfers and its revocation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationJson(String id, String party, String cooperativeApproachId, String purpose, String oimp,
                                String firstTransferDefinition, Long authorizedQuantity, List<Integer> vintages,
                                List<String> authorizedEntities, int version, long unitCount, long firstTransferredUnits,
                                boolean revoked, List<Version> versions, List<FirstTransfer> firstTransfers,
                                Revocation revocation) {

    /** One version: when, the full terms after it, and the units it added. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(int version, long seq, String at, Long authorizedQuantity, List<Integer> vintages,
                          List<String> authorizedEntities, String issuanceId, List<UnitRangeJson> units) {
    }

    /** A first transfer of the authorization's units (a FirstTransferRecorded event), to name in an adjustment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FirstTransfer(long seq, String at, String trigger, long causeSeq, String transferringParty,
                                String acquiringParty, long quantity, List<UnitRangeJson> units) {
    }

    /** When and why the authorization was revoked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revocation(long seq, String at, String reason, List<UnitRangeJson> units) {
    }

    /** The same authorization with its history. */
    public AuthorizationJson withHistory(List<Version> versions, List<FirstTransfer> firstTransfers, Revocation revocation) {
        return new AuthorizationJson(id, party, cooperativeApproachId, purpose, oimp, firstTransferDefinition,
                authorizedQuantity, vintages, authorizedEntities, version, unitCount, firstTransferredUnits, revoked, versions,
                firstTransfers, revocation);
    }
}
