package org.jcm.registry.write.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures were caused by a row, and which texts PostgreSQL cannot store as they are. */
class SqlFaultsTest {

    @Test
    void data_constraint_and_limit_errors_are_caused_by_a_row() {
        for (String state : new String[] {"21000", "22021", "22P05", "23505", "23P01", "27000", "42601", "54000"}) {
            assertThat(SqlFaults.refusedRow(new SQLException("x", state))).as(state).isTrue();
        }
    }

    @Test
    void connection_resource_operator_serialization_and_unknown_errors_are_storage_faults() {
        for (String state : new String[] {"08006", "08001", "40001", "40P01", "53100", "57P01", "58030", "XX000", "25P02",
                "0A000", "P0001", "2"}) {
            assertThat(SqlFaults.refusedRow(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(SqlFaults.refusedRow(new SQLException("I/O error"))).isFalse();
    }

    @Test
    void nul_characters_and_unpaired_surrogates_cannot_be_stored_and_pairs_can() {
        assertThat(SqlFaults.unstorable("key\u0000")).isEqualTo("a NUL character");
        assertThat(SqlFaults.unstorable("\ud800")).isEqualTo("an unpaired UTF-16 surrogate");
        assertThat(SqlFaults.unstorable("a\udc00b")).isEqualTo("an unpaired UTF-16 surrogate");
        assertThat(SqlFaults.unstorable("end\ud83d")).isEqualTo("an unpaired UTF-16 surrogate");
        assertThat(SqlFaults.unstorable("emoji \ud83d\ude00 ok")).isNull();
        assertThat(SqlFaults.unstorable("plain-key_1")).isNull();
        assertThat(SqlFaults.unstorable("")).isNull();
    }
}
