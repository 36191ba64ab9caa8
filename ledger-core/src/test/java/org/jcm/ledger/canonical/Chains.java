package org.jcm.ledger.canonical;

import java.util.ArrayList;
import java.util.List;

/** Builds well-formed chains for tests, with each entry owning its own arrays so tampering stays local. */
final class Chains {

    private Chains() {
    }

    static List<ChainEntry> of(List<?> events) {
        List<ChainEntry> entries = new ArrayList<>();
        byte[] previous = HashChain.zero();
        for (int i = 0; i < events.size(); i++) {
            byte[] canonical = Jcs.canonicalBytes(events.get(i));
            byte[] hash = HashChain.next(previous, canonical);
            entries.add(new ChainEntry(i + 1, previous.clone(), hash.clone(), canonical));
            previous = hash;
        }
        return entries;
    }
}
