package org.jcm.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.SignedNote;

/**
 * Vectors computed with ledger-core's Java reference ({@code org.jcm.ledger.proof}, {@code Jcs}) for
 * the explorer's proof module ({@code proof.js}): leaf hashes and inclusion proofs of trees of many
 * sizes, a checkpoint signed by a fresh log key and cosigned by a fresh witness key, and canonical
 * JSON. {@link #script} runs the module on them in the page and counts what verified and what was
 * refused, each vector also altered (leaf, index, one proof hash, root, note); {@link #expected}
 * is the count the Java reference gives.
 */
final class ProofVectors {

    private static final int[] SIZES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33};
    private static final long TIMESTAMP = 1_796_600_000L;

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Object> expected = new LinkedHashMap<>();

    private ProofVectors() {
    }

    static ProofVectors compute() {
        ProofVectors vectors = new ProofVectors();
        MemoryTree tree = vectors.inclusions();
        vectors.checkpoint(tree);
        vectors.canonical();
        return vectors;
    }

    /** The vectors as JSON, for the page. */
    String json() {
        return Json.write(json);
    }

    /** What the page must answer. */
    Map<String, Object> expected() {
        return expected;
    }

    private MemoryTree inclusions() {
        Random random = new Random(20_261_207L);
        MemoryTree tree = new MemoryTree();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < SIZES[SIZES.length - 1]; i++) {
            byte[] leaf = new byte[random.nextInt(41)];
            random.nextBytes(leaf);
            leaves.add(leaf);
            tree.append(MerkleHash.leaf(leaf));
        }
        List<Object> inclusions = new ArrayList<>();
        long withProof = 0;
        long withOtherIndex = 0;
        for (int size : SIZES) {
            byte[] root = MerkleProofs.rootOf(tree, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleProofs.inclusion(tree, index, size);
                if (!MerkleProofs.verifyInclusion(MerkleHash.leaf(leaves.get(index)), index, size, proof, root)) {
                    throw new IllegalStateException("the Java reference refuses its own proof of " + index + " in " + size);
                }
                Map<String, Object> vector = new LinkedHashMap<>();
                vector.put("leaf", base64(leaves.get(index)));
                vector.put("leafHash", HexFormat.of().formatHex(MerkleHash.leaf(leaves.get(index))));
                vector.put("index", (long) index);
                vector.put("size", (long) size);
                vector.put("proof", proof.stream().map(ProofVectors::base64).toList());
                vector.put("root", base64(root));
                inclusions.add(vector);
                withProof += proof.isEmpty() ? 0 : 1;
                withOtherIndex += size > 1 ? 1 : 0;
            }
        }
        json.put("inclusions", inclusions);
        expected.put("leafHashesEqual", (long) inclusions.size());
        expected.put("inclusionsVerified", (long) inclusions.size());
        expected.put("alteredLeavesRefused", (long) inclusions.size());
        expected.put("otherIndexRefused", withOtherIndex);
        expected.put("alteredProofRefused", withProof);
        expected.put("alteredRootRefused", (long) inclusions.size());
        expected.put("indexAtSizeRefused", (long) inclusions.size());
        return tree;
    }

    private void checkpoint(MemoryTree tree) {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("jcm.test/log", NoteKeys.ED25519).signerKey());
        NoteKeys.Signer witness = NoteKeys.signer(NoteKeys.generate("jcm.test/witness", NoteKeys.COSIGNATURE_V1).signerKey());
        String other = NoteKeys.generate("jcm.test/witness", NoteKeys.COSIGNATURE_V1).verifierKey();
        Checkpoint checkpoint = new Checkpoint("jcm.test/log", tree.size(), tree.root());
        SignedNote signed = checkpoint.sign(log);
        String line = Cosignature.sign(checkpoint, witness, TIMESTAMP);
        String note = signed.withSignature(Cosignature.parse(line).noteSignature()).encode();
        Checkpoint.open(note, log.verifier());
        if (!Cosignature.verify(line, checkpoint, witness.verifier())) {
            throw new IllegalStateException("the Java reference refuses its own cosignature");
        }
        String[] parts = log.verifierKey().split("\\+", 3);
        String mistyped = parts[0] + "+" + (parts[1].charAt(0) == '0' ? '1' : '0') + parts[1].substring(1) + "+" + parts[2];
        json.put("note", note);
        json.put("logKey", log.verifierKey());
        json.put("mistypedLogKey", mistyped);
        json.put("witnessKey", witness.verifierKey());
        json.put("otherWitnessKey", other);
        expected.put("checkpointSize", tree.size());
        expected.put("checkpointRoot", base64(tree.root()));
        expected.put("signatureChecked", true);
        expected.put("cosignatures", 1L);
        expected.put("cosignatureTimestamp", TIMESTAMP);
        expected.put("cosignatureVerified", true);
        expected.put("otherWitnessCosignatures", 0L);
        expected.put("alteredSizeRefused", true);
        expected.put("alteredSignatureRefused", true);
        expected.put("alteredCosignatureRefused", true);
        expected.put("mistypedKeyRefused", true);
        expected.put("witnessKeyAsLogKeyRefused", true);
    }

    private void canonical() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("type", "CreditsRetired");
        sample.put("beneficiary", "Société \"Ω\" <b>\u0001\u001f\u007f\u2028 😀");
        sample.put("seq", 9_007_199_254_740_991L);
        sample.put("\u00e9", List.of(-1L, 0L, true, false, Map.of()));
        sample.put("a\u0000", Map.of("z", "1", "Z", "2", "\ud83d\ude00", "3", "\ufb01", "4"));
        sample.put("at", null);
        String canonical = Jcs.canonicalize(sample);
        json.put("sample", Json.write(sample));
        json.put("canonical", canonical);
        json.put("canonicalHash", HexFormat.of().formatHex(MerkleHash.leaf(canonical.getBytes(StandardCharsets.UTF_8))));
        expected.put("canonicalEqual", true);
        expected.put("canonicalLeafHashEqual", true);
        expected.put("nonCanonicalRefused", true);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * An expression that imports the page's proof module, runs it on the vectors and answers the
     * counts and values of {@link #expected}.
     */
    static String script(String module, String vectors) {
        return """
                (async () => {
                  const p = await import(%s);
                  const v = %s;
                  const bytes = b64 => Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                  const flip = (b, i) => { const c = b.slice(); c[i %% c.length] ^= 1; return c; };
                  const r = {leafHashesEqual: 0, inclusionsVerified: 0, alteredLeavesRefused: 0, otherIndexRefused: 0,
                    alteredProofRefused: 0, alteredRootRefused: 0, indexAtSizeRefused: 0};
                  for (const x of v.inclusions) {
                    const leaf = bytes(x.leaf);
                    const hash = await p.leafHash(leaf);
                    const proof = x.proof.map(bytes);
                    const root = bytes(x.root);
                    if (p.toHex(hash) === x.leafHash) r.leafHashesEqual++;
                    if (await p.verifyInclusion(hash, x.index, x.size, proof, root)) r.inclusionsVerified++;
                    const other = leaf.length > 0 ? flip(leaf, x.index) : Uint8Array.of(0);
                    if (!(await p.verifyInclusion(await p.leafHash(other), x.index, x.size, proof, root))) r.alteredLeavesRefused++;
                    if (x.size > 1 && !(await p.verifyInclusion(hash, (x.index + 1) %% x.size, x.size, proof, root))) r.otherIndexRefused++;
                    if (proof.length > 0) {
                      const altered = proof.slice();
                      altered[x.index %% proof.length] = flip(altered[x.index %% proof.length], x.size);
                      if (!(await p.verifyInclusion(hash, x.index, x.size, altered, root))) r.alteredProofRefused++;
                    }
                    if (!(await p.verifyInclusion(hash, x.index, x.size, proof, flip(root, x.index)))) r.alteredRootRefused++;
                    if (!(await p.verifyInclusion(hash, x.size, x.size, proof, root))) r.indexAtSizeRefused++;
                  }
                  const refused = async f => { try { await f(); return false; } catch (e) { return e instanceof p.Refusal; } };
                  const log = await p.parseVerifierKey(v.logKey, 1);
                  const witness = await p.parseVerifierKey(v.witnessKey, 4);
                  const opened = await p.openCheckpoint(v.note, log);
                  r.checkpointSize = opened.checkpoint.size;
                  r.checkpointRoot = p.toBase64(opened.checkpoint.root);
                  r.signatureChecked = opened.signatureChecked;
                  const cosigned = await p.cosignatures(opened.note, opened.checkpoint, witness);
                  r.cosignatures = cosigned.length;
                  r.cosignatureTimestamp = cosigned.length ? cosigned[0].timestamp : -1;
                  r.cosignatureVerified = cosigned.length === 1 && cosigned[0].ok;
                  r.otherWitnessCosignatures = (await p.cosignatures(opened.note, opened.checkpoint,
                    await p.parseVerifierKey(v.otherWitnessKey, 4))).length;
                  const lines = v.note.split('\\n');
                  r.alteredSizeRefused = await refused(() => p.openCheckpoint(v.note.replace(/\\n\\d+\\n/, '\\n' + (opened.checkpoint.size - 1) + '\\n'), log));
                  const tamper = (line, at) => { const i = line.lastIndexOf(' ') + 1; const s = bytes(line.slice(i));
                    return line.slice(0, i) + p.toBase64(flip(s, at)); };
                  r.alteredSignatureRefused = await refused(() => p.openCheckpoint(
                    [...lines.slice(0, 4), tamper(lines[4], 20), ...lines.slice(5)].join('\\n'), log));
                  const forged = p.parseNote([...lines.slice(0, 5), tamper(lines[5], 30), ...lines.slice(6)].join('\\n'));
                  const forgedCosignatures = await p.cosignatures(forged, opened.checkpoint, witness);
                  r.alteredCosignatureRefused = forgedCosignatures.length === 1 && !forgedCosignatures[0].ok;
                  r.mistypedKeyRefused = await refused(() => p.parseVerifierKey(v.mistypedLogKey, 1));
                  r.witnessKeyAsLogKeyRefused = await refused(() => p.parseVerifierKey(v.witnessKey, 1));
                  r.canonicalEqual = p.canonicalJson(JSON.parse(v.sample)) === v.canonical;
                  r.canonicalLeafHashEqual = p.toHex(await p.leafHash(v.canonical)) === v.canonicalHash;
                  r.nonCanonicalRefused = await refused(() => p.parseCanonicalEvent(v.sample, 'the sample'));
                  return r;
                })()
                """.formatted(Json.write(module), vectors);
    }
}
