package org.jcm.ledger.state;

import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.Vintage;

/** One non-zero balance line of an account: units held of a vintage and Article 6 label (any host Party). */
public record Balance(Vintage vintage, Label label, long quantity) {
}
