package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;
import org.junit.jupiter.api.Test;

/** How a retirement's beneficiary is written in its event: a stated name as before, an organization beside it. */
class BeneficiaryCodecTest {

    private static final RegistryId JPN01 = new RegistryId("JPN01");

    private static CreditsRetired retired(Optional<Beneficiary> beneficiary) {
        return new CreditsRetired(7, Instant.parse("2026-05-01T00:00:00Z"), Actor.accountHolder("alice", OrganizationId.of(JPN01, 1)),
                AccountId.holding(JPN01, 1), AccountId.retirement(JPN01), 0, List.of(), RetirementPurpose.VOLUNTARY, beneficiary,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void an_organization_is_written_as_beneficiary_organization_id_and_read_back() {
        CreditsRetired e = retired(Optional.of(new Beneficiary.Organization(OrganizationId.of(JPN01, 2))));

        Map<String, Object> json = EventCodec.toJson(e);

        assertThat(json).containsEntry("beneficiaryOrganizationId", "JPN01-O0002").doesNotContainKey("beneficiary");
        assertThat(EventCodec.fromJson(json)).isEqualTo(e);
    }

    @Test
    void a_stated_name_is_written_as_beneficiary_as_every_earlier_retirement_was() {
        CreditsRetired e = retired(Optional.of(new Beneficiary.Stated("Example Steel Co.")));

        Map<String, Object> json = EventCodec.toJson(e);

        assertThat(json).containsEntry("beneficiary", "Example Steel Co.").doesNotContainKey("beneficiaryOrganizationId");
        assertThat(EventCodec.fromJson(json)).isEqualTo(e);
    }

    @Test
    void an_event_with_both_members_is_malformed() {
        Map<String, Object> json = new java.util.LinkedHashMap<>(EventCodec.toJson(retired(Optional.of(
                new Beneficiary.Stated("Example Steel Co.")))));
        json.put("beneficiaryOrganizationId", "JPN01-O0002");

        assertThatThrownBy(() -> EventCodec.fromJson(json)).isInstanceOf(EventFormatException.class);
    }
}
