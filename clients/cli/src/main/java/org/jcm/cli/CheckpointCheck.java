package org.jcm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jcm.client.JcmClient;
import org.jcm.client.JcmProblem;
import org.jcm.client.registry.api.TransparencyLogApi;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The checks of the latest signed checkpoint against the entries read (docs/hash-chain.md,
 * "Checking signed checkpoints"), with ledger-core's note, tree and proof code: the log's signature,
 * completeness, the root, a witness's cosignature when witness keys are given, and a checkpoint saved
 * earlier ({@code --since}): still the root of its entries, and the registry's consistency proof
 * from it to the latest verifies. A failed check throws {@link Broken}.
 */
final class CheckpointCheck {

    /** A check failed: the ledger or its checkpoints are not what was signed. */
    static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message);
        }
    }

    private final JcmClient client;
    private final PrintWriter out;
    private final NoteKeys.Verifier logKey;
    private final List<NoteKeys.Verifier> witnesses;

    CheckpointCheck(JcmClient client, PrintWriter out, NoteKeys.Verifier logKey, List<NoteKeys.Verifier> witnesses) {
        this.client = client;
        this.out = out;
        this.logKey = logKey;
        this.witnesses = witnesses;
    }

    /**
     * Checks {@code latest} (read before the entries, so that it covers none the download lacks)
     * against {@code tree}, then {@code since}; saves its note to {@code save}.
     */
    void check(org.jcm.client.registry.model.Checkpoint latest, MemoryTree tree, Path since, Path save) {
        if (latest == null) {
            out.println("OK: no signed checkpoint yet; only the chain was checked");
            return;
        }
        String note = noteWithCosignatures(latest);
        Checkpoint checkpoint = open(note, "the latest checkpoint");
        if (checkpoint.size() > tree.size()) {
            throw new Broken("truncated: the checkpoint covers " + checkpoint.size() + " entries, the ledger has "
                    + tree.size() + " (seq " + (tree.size() + 1) + ".." + checkpoint.size() + " missing)");
        }
        rootMatches(checkpoint, tree, "the checkpoint's");
        out.println("OK: checkpoint " + checkpoint.size() + " signed by " + logKey.name() + " (key "
                + NoteKeys.keyIdHex(logKey.keyId()) + "), root matches entries 1.." + checkpoint.size() + cosigned(checkpoint, latest));
        if (since != null) {
            sinceHolds(read(since), checkpoint, tree);
        }
        if (save != null) {
            write(save, note);
        }
    }

    /** The latest signed checkpoint, or null when none was signed yet. */
    static org.jcm.client.registry.model.Checkpoint latest(JcmClient client) {
        try {
            return JcmClient.call(() -> new TransparencyLogApi(client.registry()).getLatestCheckpoint());
        } catch (JcmProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    private static String noteWithCosignatures(org.jcm.client.registry.model.Checkpoint latest) {
        StringBuilder note = new StringBuilder(latest.getNote());
        latest.getCosignatures().forEach(c -> {
            if (!note.toString().contains(c.getLine())) {
                note.append(c.getLine()).append('\n');
            }
        });
        return note.toString();
    }

    private Checkpoint open(String note, String what) {
        try {
            return Checkpoint.open(note, logKey);
        } catch (RuntimeException e) {
            throw new Broken(what + ": " + e.getMessage());
        }
    }

    private static void rootMatches(Checkpoint checkpoint, MemoryTree tree, String whose) {
        byte[] root = MerkleProofs.rootOf(tree, checkpoint.size());
        if (!Arrays.equals(root, checkpoint.root())) {
            throw new Broken(whose + " root for entries 1.." + checkpoint.size() + " is " + base64(checkpoint.root())
                    + ", the entries give " + base64(root));
        }
    }

    private String cosigned(Checkpoint checkpoint, org.jcm.client.registry.model.Checkpoint latest) {
        if (witnesses.isEmpty()) {
            return "";
        }
        for (var cosignature : latest.getCosignatures()) {
            for (NoteKeys.Verifier witness : witnesses) {
                if (Cosignature.verify(cosignature.getLine(), checkpoint, witness)) {
                    return "; cosigned by " + witness.name() + " at " + cosignature.getTimestamp();
                }
            }
        }
        throw new Broken("checkpoint " + checkpoint.size() + ": no cosignature verifies with the witness keys given");
    }

    private void sinceHolds(String savedNote, Checkpoint latest, MemoryTree tree) {
        Checkpoint saved = open(savedNote, "the saved checkpoint");
        if (saved.size() > latest.size()) {
            throw new Broken("rollback: the saved checkpoint covers " + saved.size() + " entries, the latest "
                    + latest.size());
        }
        rootMatches(saved, tree, "the saved checkpoint's");
        String proof = "";
        if (saved.size() > 0 && saved.size() < latest.size()) {
            consistent(saved, latest);
            proof = "; the registry's consistency proof " + saved.size() + " -> " + latest.size() + " verifies";
        }
        out.println("OK: saved checkpoint " + saved.size() + " signed by " + logKey.name() + ", root still matches entries 1.."
                + saved.size() + proof);
    }

    private void consistent(Checkpoint saved, Checkpoint latest) {
        var proof = JcmClient.call(() -> new TransparencyLogApi(client.registry())
                .getConsistencyProof(Long.toString(saved.size()), Long.toString(latest.size())));
        List<byte[]> hashes = proof.getHashes().stream().map(h -> Base64.getDecoder().decode(h)).toList();
        if (!MerkleProofs.verifyConsistency(saved.size(), latest.size(), saved.root(), latest.root(), hashes)) {
            throw new Broken("the registry's consistency proof " + saved.size() + " -> " + latest.size()
                    + " does not verify");
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String note) {
        try {
            Files.writeString(file, note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
