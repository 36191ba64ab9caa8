package org.jcm.registry.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.registry.api.RetirementCertificateJson;
import org.jcm.registry.api.TransparencyJson.CosignatureJson;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.query.RetirementProofs;
import org.jcm.registry.query.RetirementProofs.ProvenRetirement;
import org.jcm.registry.security.RegistryScope;
import org.jcm.registry.transparency.PublishedKeys;
import org.jcm.support.problem.ProblemException;

/**
 * Issues retirement certificates ({@code GET /api/v1/retirements/{seq}/certificate}): the
 * retirement's stored event with its inclusion proof ({@link RetirementProofs}), checked here the
 * way {@code docs/verify-ledger.py certificate} will check it (the checkpoint's signature with this
 * instance's log key, the event's canonical form, the audit path to the signed root, each
 * cosignature of a configured witness) before any of it is given out. A database changed behind the
 * writer therefore yields 503 {@code ledger_integrity_failure}, never a certificate that does not
 * verify.
 */
@ApplicationScoped
public class RetirementCertificates {

    private final RetirementProofs proofs;
    private final Article6Reader reader;
    private final PublishedKeys keys;
    private final Clock clock = Clock.systemUTC();

    RetirementCertificates(RetirementProofs proofs, Article6Reader reader, PublishedKeys keys) {
        this.proofs = proofs;
        this.reader = reader;
        this.keys = keys;
    }

    /**
     * The certificate of retirement {@code seq}; {@code access} sees where the retiring account
     * belongs and throws to refuse.
     *
     * @throws ProblemException 404 {@code retirement_not_found}, 503 {@code ledger_integrity_failure}
     * @throws RetirementProofs.NotYetCheckpointed when no signed checkpoint covers it yet
     */
    public Uni<RetirementCertificateJson> certificate(long seq, Consumer<RegistryScope> access) {
        NoteKeys.Verifier logKey = NoteKeys.verifier(keys.logKey());
        List<NoteKeys.Verifier> witnesses = new ArrayList<>();
        for (String key : keys.witnessKeys()) {
            witnesses.add(NoteKeys.verifier(key));
        }
        return proofs.prove(seq, access)
                .map(proven -> verify(proven, logKey, witnesses))
                .chain(verified -> reader.pieces(verified.proven().event())
                        .chain(pieces -> reader.organizationNames(RetirementClaim.organizationIds(List.of(verified.proven().event())))
                                .map(names -> CertificateFacts.certificate(verified, pieces, names, clock.instant()))));
    }

    /**
     * Checks the certificate's proof as its reader will.
     *
     * @throws ProblemException 503 {@code ledger_integrity_failure} if any part fails
     */
    static Verified verify(ProvenRetirement proven, NoteKeys.Verifier logKey, List<NoteKeys.Verifier> witnesses) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(proven.checkpoint().note(), logKey);
        } catch (RuntimeException e) {
            throw RetirementProofs.integrityFailure("checkpoint " + proven.checkpoint().treeSize()
                    + " does not verify with the log's key: " + e.getMessage());
        }
        if (checkpoint.size() != proven.checkpoint().treeSize()
                || !Base64.getEncoder().encodeToString(checkpoint.root()).equals(proven.checkpoint().rootHash())) {
            throw RetirementProofs.integrityFailure("the checkpoint stored for tree size " + proven.checkpoint().treeSize()
                    + " signs tree size " + checkpoint.size() + " or another root");
        }
        String event = proven.eventJson();
        if (!Jcs.canonicalize(Json.parse(event)).equals(event)) {
            throw RetirementProofs.integrityFailure("entry " + proven.seq() + " is not stored in canonical form");
        }
        if (!MerkleProofs.verifyInclusion(MerkleHash.leaf(event.getBytes(StandardCharsets.UTF_8)), proven.seq() - 1,
                checkpoint.size(), proven.inclusion(), checkpoint.root())) {
            throw RetirementProofs.integrityFailure("the inclusion proof of entry " + proven.seq() + " does not lead to the "
                    + "root signed in checkpoint " + checkpoint.size() + ": the entry or the stored tree was changed");
        }
        return new Verified(proven, logKey, cosigners(proven, checkpoint, witnesses));
    }

    /** The stored cosignatures of configured witnesses, each verified; others are left out. */
    private static List<Cosigner> cosigners(ProvenRetirement proven, Checkpoint checkpoint, List<NoteKeys.Verifier> witnesses) {
        List<Cosigner> cosigners = new ArrayList<>();
        for (CosignatureJson cosignature : proven.checkpoint().cosignatures()) {
            for (NoteKeys.Verifier witness : witnesses) {
                if (!witness.name().equals(cosignature.witness())
                        || !NoteKeys.keyIdHex(witness.keyId()).equals(cosignature.keyId())) {
                    continue;
                }
                if (!Cosignature.verify(cosignature.line(), checkpoint, witness)) {
                    throw RetirementProofs.integrityFailure("the stored cosignature of checkpoint " + checkpoint.size()
                            + " by " + cosignature.witness() + " does not verify with its key");
                }
                cosigners.add(new Cosigner(witness, cosignature.timestamp()));
            }
        }
        return cosigners;
    }

    /** A verified cosignature: the witness's key and when it cosigned (POSIX seconds). */
    record Cosigner(NoteKeys.Verifier key, long timestamp) {
    }

    /** A retirement whose proof verified, with the log's key and the cosignatures that verified. */
    record Verified(ProvenRetirement proven, NoteKeys.Verifier logKey, List<Cosigner> cosigners) {
    }
}
