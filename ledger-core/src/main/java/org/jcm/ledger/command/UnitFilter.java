package org.jcm.ledger.command;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/** Restricts which units of an account are selected: by project, vintage and Article 6 label; absent means any. */
public record UnitFilter(Optional<ProjectId> projectId, Optional<Vintage> vintage, Optional<Label> label) {

    public static final UnitFilter ANY = new UnitFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public UnitFilter {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(label, "label");
    }
}
