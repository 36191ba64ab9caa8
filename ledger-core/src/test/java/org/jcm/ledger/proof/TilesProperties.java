package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A tree grown in random steps into an insert-only tile store gives, at every size it was grown to, the
 * same nodes, roots and proofs as the whole tree in memory. Up to 70,000 leaves, so that three tile
 * levels occur.
 */
class TilesProperties {

    static final int MAX = 70_000;
    static final List<byte[]> LEAVES = ReferenceTree.leafHashes(MAX);
    static final MemoryTree TREE = ReferenceTree.memoryTree(LEAVES);

    @Property(tries = 60)
    void tiles_grown_in_random_steps_give_the_same_nodes_roots_and_proofs_as_the_tree_in_memory(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = MAX) Integer> sizes, @ForAll long seed) {
        List<Long> checkpoints = sizes.stream().map(Integer::longValue).sorted().distinct().toList();
        TileStore store = new TileStore();
        long previous = 0;
        for (long size : checkpoints) {
            List<Tiles.Tile> written = Tiles.grow(previous, size, index -> LEAVES.get((int) index), store);
            assertThat(written).extracting(Tiles.Tile::id).containsExactlyElementsOf(Tiles.changed(previous, size));
            store.insert(written);
            previous = size;
        }
        Random random = new Random(seed);
        for (long size : checkpoints) {
            checkSize(new TileNodeSource(store, size), size, random);
        }
    }

    private static void checkSize(TileNodeSource tiles, long size, Random random) {
        assertThat(MerkleProofs.rootOf(tiles, size)).isEqualTo(MerkleProofs.rootOf(TREE, size));
        assertThat(TreeEdge.of(tiles, size).root()).isEqualTo(MerkleProofs.rootOf(TREE, size));
        for (int i = 0; i < 20; i++) {
            int height = random.nextInt(64 - Long.numberOfLeadingZeros(size));
            long nodes = size >>> height;
            long index = (long) (random.nextDouble() * nodes);
            assertThat(tiles.node(height, index)).as("node %d/%d in size %d", height, index, size)
                    .isEqualTo(TREE.node(height, index));
        }
        long leaf = (long) (random.nextDouble() * size);
        assertThat(Bytes.same(MerkleProofs.inclusion(tiles, leaf, size), MerkleProofs.inclusion(TREE, leaf, size)))
                .isTrue();
        long m = 1 + (long) (random.nextDouble() * size);
        assertThat(Bytes.same(MerkleProofs.consistency(tiles, m, size), MerkleProofs.consistency(TREE, m, size)))
                .isTrue();
    }

    @Property(tries = 200)
    void every_tile_written_holds_the_node_hashes_at_height_8_times_its_level(
            @ForAll @IntRange(min = 0, max = 3000) int m, @ForAll @IntRange(min = 1, max = 3000) int grow) {
        TileStore store = new TileStore();
        store.grow(0, m, LEAVES);
        List<Tiles.Tile> written = Tiles.grow(m, (long) m + grow, index -> LEAVES.get((int) index), store);
        for (Tiles.Tile tile : written) {
            List<byte[]> expected = new ArrayList<>();
            for (int i = 0; i < tile.width(); i++) {
                expected.add(TREE.node(8 * tile.level(), tile.index() * 256 + i));
            }
            byte[] hashes = tile.hashes();
            for (int i = 0; i < tile.width(); i++) {
                assertThat(java.util.Arrays.copyOfRange(hashes, 32 * i, 32 * i + 32)).isEqualTo(expected.get(i));
            }
        }
    }
}
