package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The chunked indexes behave exactly like TreeMap / TreeSet models under random operations. */
class IndexProperties {

    static final AccountState HOLDER = new AccountState(AccountId.parse("MNG01-H00001"), RegistryId.parse("MNG01"), null,
            AccountType.HOLDING, "x");
    /** Projects whose ids differ in every position, so that the held blocks' primitive keys must order like the ids. */
    static final ProjectId[] PROJECTS = {new ProjectId("MN001"), new ProjectId("MN002"), new ProjectId("MN003"),
            new ProjectId("AZ999"), new ProjectId("MN010"), new ProjectId("ZA000"), new ProjectId("MO000"), new ProjectId("BA100")};
    static final int[] VINTAGES = {Vintage.FIRST, 2024, Vintage.LAST};

    /** Hosts whose codes differ in every position, so that the held blocks' primitive keys must order like the codes. */
    static final PartyCode[] HOSTS = {new PartyCode("MNG"), new PartyCode("TWN"), new PartyCode("AZZ"), new PartyCode("ZAA")};

    static Block block(long first, int vintage, int project) {
        return block(first, vintage, project, HOSTS[0]);
    }

    static Block block(long first, int vintage, int project, PartyCode host) {
        return new Block(host, Vintage.of(vintage), PROJECTS[project], new IssuanceId("I"), RegistryId.parse("MNG01"),
                first, first, HOLDER);
    }

    @Property(tries = 1000)
    void unit_index_floor_and_order_match_a_tree_map(@ForAll @Size(max = 400) List<@IntRange(min = 1, max = 2000) Integer> keys,
                                                     @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 2100) Integer> probes) {
        UnitIndex index = new UnitIndex();
        TreeMap<Long, Block> model = new TreeMap<>();
        for (int k : keys) {
            if (!model.containsKey((long) k)) {
                Block b = block(k, 2024, 0);
                index.add(b);
                model.put((long) k, b);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (int p : probes) {
            var e = model.floorEntry((long) p);
            assertThat(index.floor(p)).isSameAs(e == null ? null : e.getValue());
            assertThat(index.get(p)).isSameAs(model.get((long) p));
        }
        List<Block> inOrder = new ArrayList<>();
        index.forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(model.values());
    }

    @Property(tries = 1000)
    void unit_index_add_and_remove_match_a_tree_map(@ForAll @Size(max = 600) List<@IntRange(min = 0, max = 3999) Integer> ops,
                                                    @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 2100) Integer> probes) {
        UnitIndex index = new UnitIndex();
        TreeMap<Long, Block> model = new TreeMap<>();
        for (int op : ops) {
            long key = 1 + op % 2000;
            if (op >= 2000) {
                assertThat(index.remove(key)).isEqualTo(model.remove(key) != null);
            } else if (!model.containsKey(key)) {
                Block b = block(key, 2024, 0);
                index.add(b);
                model.put(key, b);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (int p : probes) {
            var e = model.floorEntry((long) p);
            assertThat(index.floor(p)).isSameAs(e == null ? null : e.getValue());
            assertThat(index.get(p)).isSameAs(model.get((long) p));
        }
        List<Block> inOrder = new ArrayList<>();
        index.forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(model.values());
    }

    @Property(tries = 1000)
    void held_blocks_add_remove_and_order_match_a_tree_set(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 1999) Integer> ops) {
        HeldBlocks held = new HeldBlocks();
        TreeSet<Block> model = new TreeSet<>(AccountState.SELECTION_ORDER);
        Block[] universe = new Block[400];
        for (int i = 0; i < universe.length; i++) {
            // Pairs of blocks of one project, vintage and first unit in two hosts' numbering lines.
            int base = i / 2;
            PartyCode host = i % 2 == 0 ? HOSTS[0] : HOSTS[1 + base % 3];
            universe[i] = block(1 + base / 6, VINTAGES[base % 3], (base / 3) % PROJECTS.length, host);
        }
        for (int op : ops) {
            Block b = universe[op % universe.length];
            if (op >= 1000) {
                assertThat(held.remove(b)).isEqualTo(model.remove(b));
            } else {
                assertThat(held.add(b)).isEqualTo(model.add(b));
            }
            assertThat(held.size()).isEqualTo(model.size());
            assertThat(held.contains(b)).isEqualTo(model.contains(b));
        }
        List<Block> inOrder = new ArrayList<>();
        held.forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(model);
    }
}
