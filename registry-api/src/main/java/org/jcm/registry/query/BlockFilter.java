package org.jcm.registry.query;

import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.Label;

/**
 * The filters of the public block list; each is optional and they combine with AND.
 *
 * @param projectId blocks of this project
 * @param vintage blocks of this vintage
 * @param status blocks with this status
 * @param label blocks with this Article 6 label
 * @param registryId blocks held in an account of this registry
 */
public record BlockFilter(Optional<String> projectId, Optional<Integer> vintage, Optional<BlockStatus> status,
                          Optional<Label> label, Optional<String> registryId) {

    /** No filter: every live block. */
    public static final BlockFilter NONE = new BlockFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
}
