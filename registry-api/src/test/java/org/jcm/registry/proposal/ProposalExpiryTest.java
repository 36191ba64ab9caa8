package org.jcm.registry.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.MovableClock;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.WriterStatus;
import org.junit.jupiter.api.Test;

/**
 * A proposal that nobody approves expires, through the real API and the writer's timer: once the
 * ledger's time passes its {@code expiresAt}, approving or rejecting it is refused
 * {@code proposal_expired} while it still reads {@code PENDING}; the writer then records
 * {@code ProposalExpired} (as operator {@code jcm-writer}, with no request from anyone, here at its
 * next activation), after which approving is {@code proposal_not_pending}; the action never executes.
 */
@QuarkusTest
@TestProfile(ProposalExpiryProfile.class)
class ProposalExpiryTest {

    @Inject
    Ledger ledger;

    @Inject
    MovableClock clock;

    @Test
    void an_unapproved_proposal_expires_and_can_no_longer_be_approved_or_rejected() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String request = LedgerApi.decided("MNG01", project, 2024, List.of(holder[1]), List.of(30L));
        Map<String, Object> body = LedgerApi.issuance(project, 2024, request, List.of(holder[1]), List.of(30L));
        String alice = ApproverTokens.admin("alice@MNG01", "MNG01", true);
        String bob = ApproverTokens.admin("bob@MNG01", "MNG01", true);
        String id = LedgerApi.created(alice, "/api/v1/issuances", body).path("id");
        Response pending = ProposalApiTest.read(bob, id);
        assertThat(Duration.between(Instant.parse(pending.path("proposedAt")), Instant.parse(pending.path("expiresAt"))))
                .isEqualTo(Duration.ofDays(7));

        clock.advance(Duration.ofDays(8));
        // Past its time but not yet expired by an event: it reads PENDING and can no longer be decided.
        Response late = ProposalApiTest.approve(bob, id);
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(late.<String>path("code")).isEqualTo("proposal_expired");
        assertThat(ProposalApiTest.reject(bob, id, "too late").<String>path("code")).isEqualTo("proposal_expired");
        assertThat(ProposalApiTest.read(bob, id).<String>path("status")).isEqualTo("PENDING");

        // The writer acts on what has come due when it becomes active.
        ledger.restartWriter();
        assertThat(ledger.writer().awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.ACTIVE);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "EXPIRED".equals(ProposalApiTest.read(bob, id).path("status")));
        Response ended = ProposalApiTest.read(bob, id);
        assertThat(ended.<String>path("outcome.by.subject")).isEqualTo("jcm-writer");
        assertThat(ended.<String>path("outcome.by.role")).isEqualTo("operator");

        Response after = ProposalApiTest.approve(bob, id);
        after.then().statusCode(409);
        assertThat(after.<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(after.<String>path("detail")).contains("expired");
        assertThat(ProposalApiTest.reject(alice, id, "withdraw").<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(ProposalApiTest.held(holder[1])).isZero();
        assertThat(LedgerProbe.strings("SELECT type FROM ledger_event WHERE type = 'CreditsIssued'")).isEmpty();
    }
}
