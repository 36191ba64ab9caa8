package org.jcm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final ExactlyOnceCheck.Verdict CLEAN =
            new ExactlyOnceCheck.Verdict(2950, 3, 12, 4, 0, 0, 0, 0, 0, 0, List.of());

    @Test
    void rendersOneRowPerFault() {
        String table = ResultTable.render(List.of(
                new FaultResult("registry-kill", CLEAN, true, 3100, true, 17, true, 21.04, 25.5, List.of()),
                new FaultResult("broker-kill", new ExactlyOnceCheck.Verdict(10, 0, 0, 0, 1, 1, 2, 0, 0, 0, List.of("x")),
                        false, 3200, false, 0, false, -1, -1, List.of())));

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(2))
                .isEqualTo("| registry-kill | 2950 | 3 | 12 / 4 | 0 | 0 | 0 | ok | yes (17) | yes | 21.0 s | 25.5 s |");
        assertThat(table.lines().toList().get(3))
                .isEqualTo("| broker-kill | 10 | 0 | 0 / 0 (1 unresolved) | 1 | 2 | 0 | FAILED | NO (0) | NO | none | none |");
        assertThat(table.lines().toList().get(0).split("\\|")).hasSameSizeAs(table.lines().toList().get(1).split("\\|"));
    }

    @Test
    void aResultPassesOnlyWhenEverythingHeld() {
        assertThat(new FaultResult("f", CLEAN, true, 1, true, 0, true, 1, 1, List.of()).passed()).isTrue();
        assertThat(new FaultResult("f", CLEAN, false, 1, true, 0, true, 1, 1, List.of()).passed()).isFalse();
        assertThat(new FaultResult("f", CLEAN, true, 1, false, 0, true, 1, 1, List.of()).passed()).isFalse();
        assertThat(new FaultResult("f", CLEAN, true, 1, true, 0, false, 1, 1, List.of()).passed()).isFalse();
    }

    @Test
    void docsSectionReplacesOnlyBetweenItsMarkers() {
        String document = "# Reliability\n\n## Bad input at scale\n\nTheirs.\n\n## Fault harness\n\n"
                + DocsSection.BEGIN + "\nold\n" + DocsSection.END + "\n\n## Later\n\nkept\n";
        String replaced = DocsSection.replace(document, "new table\n");
        assertThat(replaced).isEqualTo("# Reliability\n\n## Bad input at scale\n\nTheirs.\n\n## Fault harness\n\n"
                + DocsSection.BEGIN + "\nnew table\n" + DocsSection.END + "\n\n## Later\n\nkept\n");
        assertThat(DocsSection.replace(replaced, "new table")).isEqualTo(replaced);
    }

    @Test
    void docsSectionIsAddedWhereMissing() {
        assertThat(DocsSection.replace("", "t")).isEqualTo("# Reliability\n\n## Fault harness\n\n"
                + DocsSection.BEGIN + "\nt\n" + DocsSection.END + "\n");
        assertThat(DocsSection.replace("# Reliability\n\n## Bad input at scale\n\nTheirs.\n", "t"))
                .isEqualTo("# Reliability\n\n## Bad input at scale\n\nTheirs.\n\n## Fault harness\n\n"
                        + DocsSection.BEGIN + "\nt\n" + DocsSection.END + "\n");
        assertThat(DocsSection.replace("# R\n\n## Fault harness\n\nHow it works.\n", "t"))
                .isEqualTo("# R\n\n## Fault harness\n\n" + DocsSection.BEGIN + "\nt\n" + DocsSection.END + "\n\nHow it works.\n");
        assertThatThrownBy(() -> DocsSection.replace(DocsSection.BEGIN + "\n", "t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsAreParsedByName() {
        assertThat(Fault.parse(List.of())).hasSize(5);
        assertThat(Fault.parse(List.of("settlement-kill", "registry-kill")))
                .containsExactly(Fault.SETTLEMENT_KILL, Fault.REGISTRY_KILL);
        assertThatThrownBy(() -> Fault.parse(List.of("fire"))).hasMessageContaining("writer-takeover");
    }
}
