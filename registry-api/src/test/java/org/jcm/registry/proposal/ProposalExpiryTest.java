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
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.LedgerWriter;
import org.junit.jupiter.api.Test;

/**
 * A proposal that nobody approves expires: from its {@code expiresAt} on, approving or rejecting it
 * is refused, and the writer's {@code ExpireProposals} (issued here in-process, as the writer issues
 * it, as operator {@code jcm-writer}) ends it with {@code ProposalExpired}; the action never executes.
 */
@QuarkusTest
@TestProfile(ProposalExpiryProfile.class)
class ProposalExpiryTest {

    @Inject
    Ledger ledger;

    @Test
    void an_unapproved_proposal_expires_and_can_no_longer_be_approved_or_rejected() throws InterruptedException {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MNG01", LedgerApi.projectId("MN"), List.of(holder[0]));
        String request = LedgerApi.request(project, 2024, 30);
        Map<String, Object> body = LedgerApi.issuance(project, 2024, request, List.of(holder[1]), List.of(30L));
        String alice = ApproverTokens.admin("alice@MNG01", "MNG01", true);
        String bob = ApproverTokens.admin("bob@MNG01", "MNG01", true);
        String id = LedgerApi.created(alice, "/api/v1/issuances", body).path("id");
        Response pending = ProposalApiTest.read(bob, id);
        Instant expiresAt = Instant.parse(pending.path("expiresAt"));
        assertThat(Duration.between(Instant.parse(pending.path("proposedAt")), expiresAt)).isEqualTo(Duration.ofSeconds(2));

        // Wait until the proposal's time is over (the ledger's clock is the system clock).
        while (!Instant.now().isAfter(expiresAt.plusMillis(50))) {
            Thread.sleep(100);
        }
        // Until its expiry is recorded it reads PENDING, but it can no longer be decided.
        Response late = ProposalApiTest.approve(bob, id);
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(late.<String>path("code")).isIn("proposal_expired", "proposal_not_pending");
        assertThat(ProposalApiTest.reject(bob, id, "too late").<String>path("code")).isIn("proposal_expired",
                "proposal_not_pending");

        CommandResult expired = ledger.submit(new LedgerWriter.Item(new ExpireProposals(), ExpireProposals.systemActor(), null))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(expired).isInstanceOf(CommandResult.Accepted.class);
        List<LedgerEvent> events = ((CommandResult.Accepted) expired).events();
        assertThat(events).allMatch(e -> e.type().equals("ProposalExpired"));

        Response ended = ProposalApiTest.read(bob, id);
        assertThat(ended.<String>path("status")).isEqualTo("EXPIRED");
        assertThat(ended.<String>path("outcome.by.subject")).isEqualTo("jcm-writer");
        Response after = ProposalApiTest.approve(bob, id);
        after.then().statusCode(409);
        assertThat(after.<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(after.<String>path("detail")).contains("expired");
        assertThat(ProposalApiTest.held(holder[1])).isZero();
        // Nothing is due any more: the writer's command is accepted with no event.
        CommandResult again = ledger.submit(new LedgerWriter.Item(new ExpireProposals(), ExpireProposals.systemActor(), null))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(((CommandResult.Accepted) again).events()).isEmpty();
    }
}
