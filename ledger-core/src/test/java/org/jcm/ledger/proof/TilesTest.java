package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jcm.ledger.proof.Tiles.TileId;
import org.junit.jupiter.api.Test;

/** Tile math on the examples of C2SP tlog-tiles, and the refusals of the tile reader and writer. */
class TilesTest {

    @Test
    void a_tree_of_70000_leaves_has_the_tiles_of_the_c2sp_example() {
        List<TileId> tiles = Tiles.changed(0, 70_000);

        assertThat(tiles.stream().filter(t -> t.level() == 0 && t.width() == 256)).hasSize(273);
        assertThat(tiles).contains(new TileId(0, 273, 112), new TileId(1, 0, 256), new TileId(1, 1, 17),
                new TileId(2, 0, 1));
        assertThat(tiles).hasSize(273 + 4);
    }

    @Test
    void a_tree_of_256_leaves_has_one_full_tile_and_a_level_1_tile_of_width_1() {
        assertThat(Tiles.changed(0, 256)).containsExactly(new TileId(0, 0, 256), new TileId(1, 0, 1));
    }

    @Test
    void growing_rewrites_only_the_right_edge_tiles_at_their_new_widths() {
        assertThat(Tiles.changed(300, 600)).containsExactly(new TileId(0, 1, 256), new TileId(0, 2, 88),
                new TileId(1, 0, 2));
        assertThat(Tiles.changed(512, 513)).containsExactly(new TileId(0, 2, 1));
        assertThat(Tiles.changed(513, 513)).isEmpty();
    }

    @Test
    void a_node_is_read_from_the_tile_at_level_height_div_8() {
        assertThat(Tiles.tileOf(0, 300, 1000)).isEqualTo(new TileId(0, 1, 256));
        assertThat(Tiles.tileOf(3, 40, 1000)).isEqualTo(new TileId(0, 1, 256));
        assertThat(Tiles.tileOf(8, 2, 1000)).isEqualTo(new TileId(1, 0, 3));
        assertThat(Tiles.tileOf(9, 0, 1000)).isEqualTo(new TileId(1, 0, 3));
        assertThat(Tiles.tileOf(3, 124, 1000)).isEqualTo(new TileId(0, 3, 232));
    }

    @Test
    void a_node_that_is_not_complete_in_the_tree_is_refused() {
        assertThatThrownBy(() -> Tiles.tileOf(3, 125, 1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not complete");
        assertThatThrownBy(() -> Tiles.tileOf(10, 0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileNodeSource(new TileStore(), 1000).node(0, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_node_source_accepts_a_wider_version_of_a_tile_and_refuses_a_short_one() {
        List<byte[]> leaves = MerkleProofsProperties.LEAVES;
        TileStore store = new TileStore();
        store.grow(0, 300, leaves);
        TileReader widest = (level, index, width) -> store.tile(level, index, Tiles.width(level, index, 300));
        TileReader shortened = (level, index, width) -> new byte[32 * (width - 1)];

        assertThat(new TileNodeSource(widest, 290).node(0, 289)).isEqualTo(leaves.get(289));
        assertThat(MerkleProofs.rootOf(new TileNodeSource(widest, 290), 290))
                .isEqualTo(ReferenceTree.mth(leaves.subList(0, 290)));
        assertThatThrownBy(() -> new TileNodeSource(shortened, 290).node(0, 289))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("level 0, index 1");
    }

    @Test
    void growing_refuses_a_stored_edge_tile_that_is_too_short() {
        List<byte[]> leaves = MerkleProofsProperties.LEAVES;
        TileReader broken = (level, index, width) -> new byte[32 * (width - 1)];

        assertThatThrownBy(() -> Tiles.grow(10, 20, index -> leaves.get((int) index), broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold 10 hashes");
        assertThatThrownBy(() -> Tiles.grow(20, 10, index -> leaves.get((int) index), broken))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tile_must_hold_exactly_its_width_in_hashes() {
        assertThatThrownBy(() -> new Tiles.Tile(0, 0, 2, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileId(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
