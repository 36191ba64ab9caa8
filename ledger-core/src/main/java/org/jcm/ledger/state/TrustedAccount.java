package org.jcm.ledger.state;

import java.time.Instant;
import org.jcm.ledger.id.AccountId;

/** An entry of an organization's trusted-account list: the account is trusted from {@code effectiveAt} on. */
public record TrustedAccount(AccountId accountId, Instant effectiveAt) {
}
