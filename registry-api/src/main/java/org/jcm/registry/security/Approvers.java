package org.jcm.registry.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * The approver claim: a token says that its person may approve for its organization, registry or
 * Party with the claim {@code "approver": true} (a JSON boolean). Approving a proposal or a pending
 * transfer, and rejecting another's proposal, need it besides the role and scope the ledger checks;
 * the ledger records actors, not credentials, so this is checked here, at the HTTP edge
 * ({@code docs/security.md}, "The approver claim").
 */
public final class Approvers {

    /** The claim's name. */
    public static final String CLAIM = "approver";

    private Approvers() {
    }

    /** Whether the token carries {@code "approver": true}; a string {@code "true"} or any other value is not. */
    public static boolean isApprover(JsonWebToken token) {
        Object value = token == null ? null : token.getClaim(CLAIM);
        return Boolean.TRUE.equals(value) || jakarta.json.JsonValue.TRUE.equals(value);
    }

    /**
     * Refuses a token without the claim.
     *
     * @throws ProblemException 403 {@code not_an_approver}
     */
    public static void require(JsonWebToken token, String what) {
        if (!isApprover(token)) {
            throw new ProblemException(403, ProblemCodes.NOT_AN_APPROVER, "Only a token with the claim \"approver\": true may "
                    + what + ".");
        }
    }
}
