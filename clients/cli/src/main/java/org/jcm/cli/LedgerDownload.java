package org.jcm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.client.JcmClient;
import org.jcm.ledger.canonical.ChainEntry;
import org.jcm.ledger.canonical.ChainVerification;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleHash;

/**
 * Reads the whole ledger, {@code GET /api/v1/ledger/events} page by page, and checks it as it
 * comes with ledger-core: the hash chain ({@link HashChain#verifyFrom}, over each event's RFC 8785
 * bytes from ledger-core's strict JSON reader, never a re-serialization) and the Merkle tree of the
 * same bytes ({@link MemoryTree}), whose roots the checkpoints sign. It stops at the first break.
 */
final class LedgerDownload {

    /** What was read: the chain's verdict and the tree of the entries read up to the break. */
    record Result(ChainVerification chain, MemoryTree tree) {
    }

    private LedgerDownload() {
    }

    static Result read(JcmClient client, int limit, Progress progress) {
        ChainVerification chain = ChainVerification.GENESIS;
        MemoryTree tree = new MemoryTree();
        String after = null;
        do {
            Map<?, ?> page = page(client, after, limit);
            List<ChainEntry> entries = entries((List<?>) page.get("items"));
            chain = HashChain.verifyFrom((ChainVerification.Intact) chain, entries);
            if (chain instanceof ChainVerification.Broken) {
                break;
            }
            entries.forEach(entry -> tree.append(MerkleHash.leaf(entry.canonicalEvent())));
            progress.step(entries.size());
            after = (String) page.get("next");
        } while (after != null);
        progress.done();
        return new Result(chain, tree);
    }

    private static Map<?, ?> page(JcmClient client, String after, int limit) {
        HttpResponse<InputStream> response = client.get("/api/v1/ledger/events" + JcmCommand.query("after", after,
                "limit", Integer.toString(limit)), "application/json");
        try (InputStream body = response.body()) {
            return (Map<?, ?>) Json.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ChainEntry> entries(List<?> items) {
        List<ChainEntry> entries = new ArrayList<>(items.size());
        for (Object item : items) {
            Map<?, ?> entry = (Map<?, ?>) item;
            entries.add(ChainEntry.ofHex((Long) entry.get("seq"), (String) entry.get("prevHash"),
                    (String) entry.get("hash"), Jcs.canonicalBytes(entry.get("event"))));
        }
        return entries;
    }
}
