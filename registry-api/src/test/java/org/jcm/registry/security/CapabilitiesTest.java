package org.jcm.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.command.Role;
import org.jcm.registry.security.AccessMatrixTest.Caller;
import org.jcm.registry.security.AccessMatrixTest.Row;
import org.jcm.testsupport.DocsTable;
import org.junit.jupiter.api.Test;

/**
 * The table of what each role may do ({@link Capabilities}, answered by {@code GET /me}) agrees with
 * the access matrix that {@link AccessMatrixTest} replays, and docs/security.md shows it.
 */
class CapabilitiesTest {

    /** The matrix columns of a role acting in its own scope, and of it acting elsewhere. */
    private static final Map<Role, List<Caller>> COLUMNS = Map.of(
            Role.OPERATOR, List.of(Caller.OPERATOR),
            Role.REGISTRY_ADMIN, List.of(Caller.ADMIN_OWN, Caller.ADMIN_OTHER),
            Role.ACCOUNT_HOLDER, List.of(Caller.HOLDER_OWN, Caller.HOLDER_OTHER),
            Role.GOVERNMENT, List.of(Caller.GOV_OWN, Caller.GOV_OTHER),
            Role.EXCHANGE, List.of(Caller.EXCHANGE_OWN, Caller.EXCHANGE_OTHER),
            Role.AUDITOR, List.of(Caller.AUDITOR));

    /**
     * Operations a role may call on what its own side made, where the matrix's data belongs to one
     * side only: its document was uploaded by a holder (docs/security.md, "Documents"), so the other
     * uploading roles are refused there; its proposals were made by a registry administrator, so a
     * government, which approves its own Party's proposals, is refused there.
     */
    private static final Set<String> OWN_SIDE = Set.of("GET /api/v1/documents/{id}", "GET /api/v1/documents/{id}/metadata",
            "POST /api/v1/proposals/{id}/approve", "POST /api/v1/proposals/{id}/reject");

    @Test
    void every_operation_the_matrix_allows_a_role_in_its_own_scope_is_in_the_roles_row() {
        for (Map.Entry<Role, List<Caller>> role : COLUMNS.entrySet()) {
            Set<String> allowed = new LinkedHashSet<>();
            for (Row row : AccessMatrixTest.MATRIX) {
                if (!isPublic(row) && allowed(row, role.getValue().get(0))) {
                    allowed.add(operation(row));
                }
            }
            assertThat(normalized(Capabilities.of(role.getKey()))).as(role.getKey().wireName()).containsAll(allowed);
        }
    }

    @Test
    void no_role_lists_an_operation_the_matrix_refuses_it_in_every_scope() {
        for (Map.Entry<Role, List<Caller>> role : COLUMNS.entrySet()) {
            Set<String> refused = new LinkedHashSet<>();
            Set<String> allowedSomewhere = new LinkedHashSet<>();
            for (Row row : AccessMatrixTest.MATRIX) {
                boolean any = role.getValue().stream().anyMatch(c -> allowed(row, c));
                (any ? allowedSomewhere : refused).add(operation(row));
            }
            refused.removeAll(allowedSomewhere);
            refused.removeAll(OWN_SIDE);
            assertThat(normalized(Capabilities.of(role.getKey()))).as(role.getKey().wireName()).doesNotContainAnyElementsOf(refused);
        }
    }

    @Test
    void every_role_has_a_row_and_may_read_itself() {
        for (Role role : Role.values()) {
            assertThat(Capabilities.of(role)).as(role.wireName()).contains("GET /api/v1/me").doesNotHaveDuplicates();
        }
    }

    @Test
    void docs_security_md_shows_the_table() throws IOException {
        assertThat(DocsTable.between(Path.of("..", "docs", "security.md"), "capabilities"))
                .as("docs/security.md, capabilities table; expected:%n%s", String.join("\n", markdown()))
                .isEqualTo(markdown());
    }

    /** The table as docs/security.md shows it: one line per role. */
    static List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| role | may call (within its scope) |");
        lines.add("|---|---|");
        for (Role role : Role.values()) {
            lines.add("| `" + role.wireName() + "` | " + String.join(", ", Capabilities.of(role).stream()
                    .map(o -> "`" + o + "`").toList()) + " |");
        }
        return lines;
    }

    private static boolean isPublic(Row row) {
        return row.cells().get(Caller.NONE.ordinal()).equals("200");
    }

    private static boolean allowed(Row row, Caller caller) {
        return row.cells().get(caller.ordinal()).startsWith("2");
    }

    /** The row's operation: method and path, without query, note or literal ids. */
    private static String operation(Row row) {
        return normalize(row.method() + " " + row.path().split("\\?")[0]);
    }

    private static Set<String> normalized(List<String> operations) {
        Set<String> set = new LinkedHashSet<>();
        for (String operation : operations) {
            set.add(normalize(operation));
        }
        return set;
    }

    /** Every id in a path, a placeholder ({@code {A}}, {@code {party}}) or a literal ({@code XMA}, {@code 2024}), as {@code {id}}. */
    private static String normalize(String operation) {
        StringBuilder b = new StringBuilder();
        for (String segment : operation.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            boolean id = segment.startsWith("{") || (!segment.contains(" ") && segment.matches(".*[A-Z0-9].*")
                    && !segment.equals("v1"));
            b.append(id ? "{id}" : segment);
        }
        return b.toString();
    }
}
