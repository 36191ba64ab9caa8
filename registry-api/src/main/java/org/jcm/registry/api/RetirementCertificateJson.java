package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A retirement certificate (docs/hash-chain.md, "Retirement certificates"): the retirement's event
 * exactly as hashed into the ledger's Merkle tree, its inclusion proof and the signed checkpoint it
 * leads to, which {@code docs/verify-ledger.py certificate FILE} checks offline; beside them the
 * facts in readable form. The members {@code event}, {@code seq}, {@code checkpoint} and
 * {@code inclusion} are what the proof is made of; every other member is read from them or from the
 * registry's records, as {@code statement} says.
 */
@Schema(name = "RetirementCertificate", description = "A retirement's event with its inclusion proof against a signed "
        + "checkpoint, and the facts it states")
public record RetirementCertificateJson(
        @Schema(description = "Which facts the signed event proves and which come from the registry's records")
        String statement,
        @Schema(description = "The retirement's ledger sequence number", example = "42") long seq,
        @Schema(description = "The retirement event's canonical JSON (RFC 8785): exactly the leaf's bytes, in UTF-8")
        String event,
        @Schema(description = "The signed checkpoint note: checkpoint text, blank line, the log's signature line, then "
                + "one line per witness cosignature") String checkpoint,
        @Schema(description = "RFC 9162 PATH(leafIndex, D[0:treeSize]) of the event, base64, from the leaf's sibling up")
        List<String> inclusion,
        @Schema(description = "The checkpoint's tree size", example = "1000") long treeSize,
        @Schema(description = "seq - 1", example = "41") long leafIndex,
        @Schema(description = "When the retirement was applied (UTC), from the event", example = "2025-05-01T00:00:00.000Z")
        String retiredAt,
        @Schema(description = "Units retired, from the event", example = "150") long quantity,
        @Schema(description = "The retired serial ranges, from the event") List<UnitsJson> units,
        @Schema(description = "The ITMO ids of the retired units that are authorized (registry records); empty if none")
        List<ItmoRangeJson> itmoIds,
        @Schema(description = "The project, when every range is of one (id from the event, title from the registry's "
                + "records); null otherwise", nullable = true) ProjectJson project,
        @Schema(description = "The host Party, when every range has the same; null otherwise", nullable = true,
                example = "MNG") String hostParty,
        @Schema(description = "The vintage, when every range has the same; null otherwise", nullable = true,
                example = "2024") Integer vintage,
        @Schema(description = "VOLUNTARY or NDC, from the event", example = "VOLUNTARY") String purpose,
        @Schema(description = "NDC retirements: the Party using the units, from the event", nullable = true)
        String usingParty,
        @Schema(description = "NDC retirements: the year of use, from the event", nullable = true) Integer yearOfUse,
        @Schema(description = "On whose behalf the units were retired: the name as stated in the event, or the registered "
                + "name of the organization the event names (registry records)", nullable = true,
                example = "Example Steel Co.") String beneficiary,
        @Schema(description = "ORGANIZATION (an organization of the registry, by id in the event) or STATED (free text in "
                + "the event, as stated by the retiring organization); null when none is named", nullable = true,
                example = "STATED") String beneficiaryKind,
        @Schema(description = "The beneficiary organization's id, from the event; null unless beneficiaryKind is ORGANIZATION",
                nullable = true, example = "JPN01-O0002") String beneficiaryOrganizationId,
        @Schema(description = "How the beneficiary is known: REGISTERED_ORGANIZATION or STATED_BY_RETIRING_ORGANIZATION "
                + "(unverified); null when none is named", nullable = true, example = "STATED_BY_RETIRING_ORGANIZATION")
        String howKnown,
        @Schema(description = "The organization holding the retiring account (id as in the event's actor scope, name "
                + "from the registry's records)") OrganizationJson retiringOrganization,
        @Schema(description = "The account the units were retired from, from the event", example = "MNG01-H00002")
        String retiringAccountId,
        @Schema(description = "The retiring account's registry, from the event", example = "MNG01") String registryId,
        @Schema(description = "The key that signed the checkpoint") SignerJson checkpointSigner,
        @Schema(description = "The witnesses whose cosignatures the checkpoint carries") List<CosignerJson> cosigners,
        @Schema(description = "The command that verifies this certificate offline, saved to the named file")
        String verify,
        @Schema(description = "When this certificate was generated (UTC)", example = "2026-12-07T12:00:00.123Z")
        String issuedAt) {

    /** One retired serial range. */
    @Schema(name = "RetiredUnits")
    public record UnitsJson(
            @Schema(example = "JCM-MN001-2024-1001-1150") String serial,
            @Schema(example = "MN001") String projectId,
            @Schema(example = "MNG") String hostParty,
            @Schema(example = "2024") int vintage,
            @Schema(example = "150") long quantity) {
    }

    /** The ITMO ids of one authorized piece of the retired units. */
    @Schema(name = "RetiredItmoIds")
    public record ItmoRangeJson(
            @Schema(description = "The piece's serial range") String serial,
            @Schema(description = "Its first unit's ITMO id") String first,
            @Schema(description = "Its last unit's ITMO id") String last,
            @Schema(description = "The authorization covering it") String authorizationId) {
    }

    /** A project's id and title. */
    @Schema(name = "CertificateProject")
    public record ProjectJson(@Schema(example = "MN001") String id, @Schema(example = "Solar power in Ulaanbaatar") String title) {
    }

    /** An organization's id and name. */
    @Schema(name = "CertificateOrganization")
    public record OrganizationJson(@Schema(example = "MNG01-O00002") String id, @Schema(example = "Example Steel Co.") String name) {
    }

    /** A signing key's name and key id. */
    @Schema(name = "CertificateSigner")
    public record SignerJson(@Schema(example = "jcm.local/ledger") String name, @Schema(example = "945f85b4") String keyId) {
    }

    /** A witness that cosigned the checkpoint, and when. */
    @Schema(name = "CertificateCosigner")
    public record CosignerJson(@Schema(example = "jcm.local/witness") String name, @Schema(example = "9426ceb9") String keyId,
                               @Schema(description = "When it cosigned (UTC)", example = "2026-12-07T11:40:01Z") String cosignedAt) {
    }
}
