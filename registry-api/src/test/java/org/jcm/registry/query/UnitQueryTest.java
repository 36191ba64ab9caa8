package org.jcm.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jcm.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests how a unit lookup reads its path: block serials, unit references and ITMO ids. */
class UnitQueryTest {

    @Test
    void a_block_serial_names_a_range_of_a_project() {
        UnitQuery query = UnitQuery.parse("JCM-MN001-2024-1001-1250");

        assertThat(query).isEqualTo(new UnitQuery("JCM-MN001-2024-1001-1250", "MN001", null, 2024, 1001, 1250, null, null));
        assertThat(query.isItmoId()).isFalse();
    }

    @Test
    void a_unit_reference_names_one_unit_of_a_project() {
        UnitQuery query = UnitQuery.parse("JCM-MN001-2024-1001");

        assertThat(query).isEqualTo(new UnitQuery("JCM-MN001-2024-1001", "MN001", null, 2024, 1001, 1001, null, null));
    }

    @Test
    void a_serial_naming_a_host_names_a_range_in_that_hosts_numbering_line() {
        UnitQuery query = UnitQuery.parse("JCM-MN003-TWN-2025-1-200");

        assertThat(query).isEqualTo(new UnitQuery("JCM-MN003-TWN-2025-1-200", "MN003", "TWN", 2025, 1, 200, null, null));
        assertThat(query.isItmoId()).isFalse();
    }

    @Test
    void a_unit_reference_naming_a_host_names_one_unit_in_that_hosts_line() {
        UnitQuery query = UnitQuery.parse("JCM-MN003-TWN-2025-17");

        assertThat(query).isEqualTo(new UnitQuery("JCM-MN003-TWN-2025-17", "MN003", "TWN", 2025, 17, 17, null, null));
    }

    @Test
    void an_itmo_id_names_one_unit_of_a_host_party_issued_by_a_registry() {
        UnitQuery query = UnitQuery.parse("CA0012-MNG01-MNG-1001-2024");

        assertThat(query).isEqualTo(new UnitQuery("CA0012-MNG01-MNG-1001-2024", null, "MNG", 2024, 1001, 1001, "CA0012",
                "MNG01"));
        assertThat(query.isItmoId()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "JCM-MN001-2024-1250-1001",   // last before first
        "JCM-MN001-2024-0-10",        // unit 0 does not exist
        "JCM-MN001-2024-01-10",       // zero padding
        "JCM-MN01-2024-1-10",         // project id too short
        "JCM-MN001-1999-1-10",        // vintage before 2013
        "JCM-MN001-2024",             // no units
        "JCM-MN001-2024-1-2-3",       // too many parts
        "JCM-MN003-TWN-2025-1-2-3",   // too many parts after a host
        "JCM-MN003-TW-2025-1-200",    // host not alpha-3
        "JCM-MN003-TWN-2025",         // a host and no units
        "JCM-MN001-2024-9007199254740992", // beyond 2^53 - 1
        "CA12-MNG01-MNG-1001-2024",   // cooperative approach too short
        "CA0012-MNG01-MNG-01001-2024", // leading zero
        "CA0012-MNG1-MNG-1001-2024",  // registry id too short
        "CA0012-MNG01-MNG-1001-24",   // two-digit vintage
        "1001",
        "hello",
        ""})
    void anything_else_is_an_invalid_unit_id(String text) {
        assertThatThrownBy(() -> UnitQuery.parse(text)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_unit_id");
        });
    }
}
