package org.jcm.settlement.feed;

import java.time.LocalDate;

/** One host Party on one UTC day. */
public record VolumeKey(String party, LocalDate day) {
}
