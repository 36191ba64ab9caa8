package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.NodeSource;
import org.jcm.ledger.proof.TileNodeSource;
import org.jcm.ledger.proof.Tiles;

/**
 * Proofs over the tree as stored in {@code merkle_tile} (C2SP tlog-tiles), read with the reactive
 * client in one statement: the proofs are first run over placeholder hashes to learn which tiles
 * they read (which nodes a proof needs depends only on the index and the sizes, never on the
 * hashes), those tiles are fetched at once, and the proofs are then built from them with
 * {@link org.jcm.ledger.proof.MerkleProofs} over a {@link TileNodeSource}.
 */
final class TileProofs {

    /**
     * For each tile asked for (level, index, width), the narrowest stored version at least that wide:
     * tiles only grow to the right, so its first {@code width} hashes are the ones asked for.
     */
    private static final String TILES = "SELECT w.level, w.idx, w.width, (SELECT t.hashes FROM merkle_tile t"
            + " WHERE t.level = w.level AND t.idx = w.idx AND t.width >= w.width ORDER BY t.width LIMIT 1) AS hashes"
            + " FROM unnest($1::int2[], $2::int8[], $3::int2[]) AS w(level, idx, width)";
    private static final byte[] PLACEHOLDER = new byte[MerkleHash.HASH_BYTES];

    private TileProofs() {
    }

    /**
     * The nodes of the tree of {@code treeSize} entries that {@code proofs} reads, loaded from the
     * stored tiles: {@code proofs} is run twice, once here over placeholders to find the tiles, and
     * again by the caller over the answer.
     */
    static Uni<NodeSource> load(SqlConnection connection, long treeSize, Consumer<NodeSource> proofs) {
        Set<Tiles.TileId> needed = new LinkedHashSet<>();
        proofs.accept((height, index) -> {
            needed.add(Tiles.tileOf(height, index, treeSize));
            return PLACEHOLDER;
        });
        if (needed.isEmpty()) {
            return Uni.createFrom().item(new TileNodeSource(TileProofs::missing, treeSize));
        }
        List<Short> levels = new ArrayList<>(needed.size());
        List<Long> indexes = new ArrayList<>(needed.size());
        List<Short> widths = new ArrayList<>(needed.size());
        for (Tiles.TileId id : needed) {
            levels.add((short) id.level());
            indexes.add(id.index());
            widths.add((short) id.width());
        }
        Tuple arrays = Tuple.of(levels.toArray(Short[]::new), indexes.toArray(Long[]::new), widths.toArray(Short[]::new));
        return connection.preparedQuery(TILES).execute(arrays).map(rows -> {
            Map<Tiles.TileId, byte[]> tiles = new HashMap<>();
            for (Row row : rows) {
                if (row.getBuffer("hashes") != null) {
                    tiles.put(new Tiles.TileId(row.getShort("level"), row.getLong("idx"), row.getShort("width")),
                            row.getBuffer("hashes").getBytes());
                }
            }
            return new Memo(new TileNodeSource((level, index, width) -> {
                byte[] hashes = tiles.get(new Tiles.TileId(level, index, width));
                return hashes == null ? missing(level, index, width) : hashes;
            }, treeSize));
        });
    }

    /** The base64 texts of a proof's hashes, as the API shows them. */
    static List<String> base64(List<byte[]> hashes) {
        List<String> texts = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            texts.add(Base64.getEncoder().encodeToString(hash));
        }
        return texts;
    }

    private static byte[] missing(int level, long index, int width) {
        throw new IllegalStateException("merkle_tile holds no tile at level " + level + ", index " + index + " of width "
                + width + " or wider: the stored tree is incomplete");
    }

    /**
     * Keeps the nodes already computed: the proofs of a unit's entries share their upper nodes, and
     * a node high in a tile costs up to 127 hashes to compute.
     */
    private static final class Memo implements NodeSource {
        private final NodeSource source;
        private final Map<Node, byte[]> nodes = new HashMap<>();

        Memo(NodeSource source) {
            this.source = source;
        }

        @Override
        public byte[] node(int height, long index) {
            return nodes.computeIfAbsent(new Node(height, index), n -> source.node(height, index));
        }

        private record Node(int height, long index) {
        }
    }
}
