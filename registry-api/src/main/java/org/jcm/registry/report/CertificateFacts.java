package org.jcm.registry.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.registry.api.RetirementCertificateJson;
import org.jcm.registry.api.RetirementCertificateJson.CosignerJson;
import org.jcm.registry.api.RetirementCertificateJson.ItmoRangeJson;
import org.jcm.registry.api.RetirementCertificateJson.OrganizationJson;
import org.jcm.registry.api.RetirementCertificateJson.ProjectJson;
import org.jcm.registry.api.RetirementCertificateJson.SignerJson;
import org.jcm.registry.api.RetirementCertificateJson.UnitsJson;
import org.jcm.registry.persistence.Article6Reader.RetiredPiece;
import org.jcm.registry.query.RetirementProofs.ProjectRecord;
import org.jcm.registry.query.RetirementProofs.ProvenRetirement;
import org.jcm.registry.report.RetirementCertificates.Cosigner;
import org.jcm.registry.report.RetirementCertificates.Verified;

/**
 * The members of a retirement certificate: the proof as verified, and the facts in readable form,
 * each taken from the signed event where the event has it and from the registry's records
 * otherwise (names, titles, ITMO ids), as the certificate's {@code statement} says.
 */
final class CertificateFacts {

    /** The verifier as the explorer serves it; docs/verify-ledger.py in the repository. */
    static final String VERIFIER = "verify-ledger.py";

    private CertificateFacts() {
    }

    /** The certificate of a verified retirement, whose ranges today's blocks hold as {@code pieces}. */
    static RetirementCertificateJson certificate(Verified verified, List<RetiredPiece> pieces, Map<String, String> names,
                                                 Instant issuedAt) {
        ProvenRetirement p = verified.proven();
        CreditsRetired e = p.event();
        RetirementClaim claim = RetirementClaim.of(e, names);
        List<UnitsJson> units = new ArrayList<>(e.ranges().size());
        for (BlockRange r : e.ranges()) {
            ProjectRecord record = p.projects().get(r.projectId().value());
            String serial = (record == null ? r.serial() : r.serial(PartyCode.parse(record.hostParty()))).format();
            units.add(new UnitsJson(serial, r.projectId().value(), r.hostParty().value(), r.vintage().year(), r.size()));
        }
        String project = common(e, r -> r.projectId().value());
        String hostParty = common(e, r -> r.hostParty().value());
        String vintage = common(e, r -> Integer.toString(r.vintage().year()));
        NoteKeys.Verifier log = verified.logKey();
        List<CosignerJson> cosigners = new ArrayList<>(verified.cosigners().size());
        for (Cosigner c : verified.cosigners()) {
            cosigners.add(new CosignerJson(c.key().name(), NoteKeys.keyIdHex(c.key().keyId()),
                    Instant.ofEpochSecond(c.timestamp()).toString()));
        }
        long treeSize = p.checkpoint().treeSize();
        return new RetirementCertificateJson(statement(p.seq(), treeSize, log), p.seq(), p.eventJson(), p.checkpoint().note(),
                base64(p.inclusion()), treeSize,
                p.seq() - 1, EventCodec.formatTime(e.at()), e.quantity(), units, itmoIds(pieces),
                project == null ? null : new ProjectJson(project, title(p, project)), hostParty,
                vintage == null ? null : Integer.valueOf(vintage), e.purpose().name(),
                e.usingParty().map(u -> u.value()).orElse(null), e.yearOfUse().map(y -> y.getValue()).orElse(null),
                claim.beneficiaryName(), claim.kind(), claim.beneficiaryOrganizationId(), claim.howKnown(),
                new OrganizationJson(organizationId(p), p.organizationName()),
                e.fromAccountId().value(), e.fromAccountId().registryId().value(),
                new SignerJson(log.name(), NoteKeys.keyIdHex(log.keyId())), cosigners, command(p.seq(), verified),
                EventCodec.formatTime(issuedAt));
    }

    /**
     * What the certificate proves and what it only states. Kept in step with docs/hash-chain.md,
     * "Retirement certificates".
     */
    static String statement(long seq, long treeSize, NoteKeys.Verifier log) {
        return "The event is entry " + seq + " of the ledger whose checkpoint of " + treeSize + " entries was signed by "
                + log.name() + " (key " + NoteKeys.keyIdHex(log.keyId()) + "): the inclusion proof and the signature prove "
                + "the retirement's time, quantity, serial ranges, purpose, using Party and year of use, beneficiary (a "
                + "name as stated, or a registered organization's id), retiring account and the retiring organization's "
                + "id, as the event records them; the organizations' names, the project's title and the ITMO ids are "
                + "stated from the registry's records when this "
                + "certificate was issued and are not part of the signed event.";
    }

    /** The file name a saved certificate is given, as the verify command names it. */
    static String fileName(long seq) {
        return "retirement-" + seq + "-certificate.json";
    }

    /** The command that verifies the certificate offline with the keys it was checked with. */
    private static String command(long seq, Verified verified) {
        StringBuilder command = new StringBuilder("python3 " + VERIFIER + " certificate " + fileName(seq) + " --key '"
                + verified.logKey().verifierKey() + "'");
        Set<String> witnesses = new LinkedHashSet<>();
        for (Cosigner c : verified.cosigners()) {
            witnesses.add(c.key().verifierKey());
        }
        for (String witness : witnesses) {
            command.append(" --witness-key '").append(witness).append('\'');
        }
        return command.toString();
    }

    /**
     * The retiring organization's id: the event's actor scope when an account holder retired the
     * units (the ledger's rules make it the account's organization), else the account's organization.
     */
    private static String organizationId(ProvenRetirement p) {
        return p.event().actor().role() == Role.ACCOUNT_HOLDER ? p.event().actor().scope() : p.retiring().organizationId();
    }

    /** The ITMO ids of the authorized pieces, in the ranges' order. */
    private static List<ItmoRangeJson> itmoIds(List<RetiredPiece> pieces) {
        List<ItmoRangeJson> ids = new ArrayList<>();
        for (RetiredPiece piece : pieces) {
            if (piece.cooperativeApproachId() == null) {
                continue;
            }
            BlockRange r = piece.range();
            CooperativeApproachId ca = new CooperativeApproachId(piece.cooperativeApproachId());
            ids.add(new ItmoRangeJson(piece.serial(),
                    new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.first(), r.vintage()).format(),
                    new ItmoId(ca, r.issuingRegistryId(), r.hostParty(), r.last(), r.vintage()).format(),
                    piece.authorizationId()));
        }
        return ids;
    }

    /** The project's title as the registry records it, or null. */
    private static String title(ProvenRetirement p, String project) {
        ProjectRecord record = p.projects().get(project);
        return record == null ? null : record.title();
    }

    /** The value every range has, or null when they differ. */
    private static String common(CreditsRetired e, Function<BlockRange, String> value) {
        Set<String> values = new LinkedHashSet<>();
        for (BlockRange r : e.ranges()) {
            values.add(value.apply(r));
        }
        return values.size() == 1 ? values.iterator().next() : null;
    }

    private static List<String> base64(List<byte[]> hashes) {
        List<String> texts = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            texts.add(Base64.getEncoder().encodeToString(hash));
        }
        return texts;
    }
}
