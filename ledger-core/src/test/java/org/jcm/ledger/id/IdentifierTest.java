package org.jcm.ledger.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Identifier formats of docs/ledger-model.md: examples parse, malformed text is refused with a reason. */
class IdentifierTest {

    static void refused(Function<String, ?> parse, String... texts) {
        for (String text : texts) {
            assertThatThrownBy(() -> parse.apply(text)).as(text).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("is invalid");
        }
    }

    @Test
    void documented_examples_parse_and_print_back() {
        assertThat(PartyCode.parse("MNG").toString()).isEqualTo("MNG");
        assertThat(RegistryId.parse("JPN01").party()).isEqualTo(PartyCode.JAPAN);
        assertThat(OrganizationId.parse("JPN01-O0001")).isEqualTo(OrganizationId.of(RegistryId.parse("JPN01"), 1));
        assertThat(OrganizationId.of(RegistryId.parse("JPN01"), 12345).value()).isEqualTo("JPN01-O12345");
        assertThat(AccountId.parse("JPN01-H00001")).isEqualTo(AccountId.holding(RegistryId.parse("JPN01"), 1));
        assertThat(AccountId.parse("JPN01-RETIREMENT").type()).isEqualTo(AccountType.RETIREMENT);
        assertThat(AccountId.parse("JPN01-CANCELLATION").type()).isEqualTo(AccountType.CANCELLATION);
        assertThat(AccountId.parse("MNG01-H00007").registryId()).isEqualTo(RegistryId.parse("MNG01"));
        assertThat(AccountId.parse("MNG01-H" + "0".repeat(15) + "7").number()).isEqualTo(7);
        assertThat(ProjectId.parse("MN001").hostIso2()).isEqualTo("MN");
        assertThat(MethodologyId.parse("MN_AM001").value()).isEqualTo("MN_AM001");
        assertThat(IssuanceId.parse("MN001-2024-01").value()).isEqualTo("MN001-2024-01");
        assertThat(IssuanceRequestId.of(1).value()).isEqualTo("IR000001");
        assertThat(ProposalId.of(1).value()).isEqualTo("PR00000001");
        assertThat(ProposalId.parse("PR00000042").number()).isEqualTo(42);
        assertThat(AuthorizationId.parse("MNG-AUTH-2025/001").value()).isEqualTo("MNG-AUTH-2025/001");
        assertThat(CooperativeApproachId.parse("CA0012").value()).isEqualTo("CA0012");
        assertThat(Vintage.parse("2024")).isSameAs(Vintage.of(2024));
    }

    @Test
    void malformed_identifiers_are_refused() {
        refused(PartyCode::parse, "", "MN", "MNGL", "mng", "M1G");
        refused(RegistryId::parse, "JPN1", "JPN001", "jpn01", "JP01X");
        refused(OrganizationId::parse, "JPN01-O001", "JPN01-X0001", "JPN01O0001", "JPN01-O0000", "JP01-O0001");
        refused(AccountId::parse, "JPN01-H0001", "JPN01-H00000", "JPN01-RETIRE", "JPN01", "JPN01-h00001", "X-CANCELLATION",
                "JPN01-H" + "0".repeat(16), "JPN01-H" + "1".repeat(17), "JPN01-H0000a", "JPN01-H00001 ", "JPN1X-H00001",
                "jpn01-H00001", "JPN01-CANCELLATIONS", "JPN01-RETIREMENTX", "JPN01RETIREMENT", "JPN01-CANCELATION");
        refused(ProjectId::parse, "MN01", "MN0001", "mn001", "M1001");
        refused(MethodologyId::parse, "MN-AM001", "MN_AM01", "MN_XM001");
        refused(IssuanceId::parse, "", "-abc", "a b", "x".repeat(65));
        refused(IssuanceRequestId::parse, "IR00001", "IR000000", "XR000001");
        refused(ProposalId::parse, "PR0000001", "PR000000001", "PR00000000", "XR00000001", "pr00000001", "PR0000000a");
        refused(n -> ProposalId.of(Long.parseLong(n)), "0", "100000000");
        refused(AuthorizationId::parse, "", "/x", "a b");
        refused(CooperativeApproachId::parse, "CA012", "CA00123", "XA0012");
        refused(Vintage::parse, "2012", "2101", "24", "20x4");
    }

    @Test
    void null_text_is_refused_as_invalid_not_as_a_null_pointer() {
        refused(PartyCode::parse, (String) null);
        refused(AccountId::parse, (String) null);
        refused(ProposalId::parse, (String) null);
    }

    @Test
    void only_japan_has_the_japan_status() {
        new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true, Optional.empty());
        assertThatThrownBy(() -> new Party("MN", PartyCode.parse("MNG"), "Mongolia", JcmStatus.JAPAN, true, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.PARTNER, true, Optional.empty(), Optional.of(LocalDate.of(2013, 1, 8)), Set.of()))
                .isInstanceOf(InvalidValueException.class);
    }
}
