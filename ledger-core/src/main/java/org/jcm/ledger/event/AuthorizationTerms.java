package org.jcm.ledger.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/** The terms of one authorization version that an amendment may change: cap, vintages (empty: any), authorized entities. */
public record AuthorizationTerms(Optional<Quantity> authorizedQuantity, List<Vintage> vintages,
                                 List<String> authorizedEntities) {

    public AuthorizationTerms {
        Objects.requireNonNull(authorizedQuantity, "authorizedQuantity");
        vintages = List.copyOf(vintages);
        authorizedEntities = List.copyOf(authorizedEntities);
    }

    public boolean allowsVintage(Vintage vintage) {
        return vintages.isEmpty() || vintages.contains(vintage);
    }
}
