package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.GOV_MNG;
import static org.jcm.ledger.state.Fixture.MN001;
import static org.jcm.ledger.state.Fixture.authorizeIssuance;
import static org.jcm.ledger.state.Fixture.holder;
import static org.jcm.ledger.state.Fixture.retireForNdc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/**
 * A ledger stored before retirements could name an organization as their beneficiary
 * ({@code ledger-before-beneficiary-kinds.txt}: each line the chain hash after the event, then the
 * event's canonical JSON, as the writer stored them) still decodes, re-encodes to the very same
 * bytes, verifies as a hash chain and replays to the state the same commands give today.
 */
class StoredRetirementsCompatibilityTest {

    private record Stored(String hash, String canonical) {
    }

    private static List<Stored> stored() throws IOException {
        try (InputStream in = StoredRetirementsCompatibilityTest.class.getResourceAsStream("ledger-before-beneficiary-kinds.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Stored> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                int space = line.indexOf(' ');
                lines.add(new Stored(line.substring(0, space), line.substring(space + 1)));
            }
            return lines;
        }
    }

    @SuppressWarnings("unchecked")
    private static LedgerEvent decode(Stored s) {
        return EventCodec.fromJson((Map<String, Object>) Json.parse(s.canonical()));
    }

    private static String encode(LedgerEvent e) {
        return new String(Jcs.canonicalBytes(EventCodec.toJson(e)), StandardCharsets.UTF_8);
    }

    /** The commands that wrote the stored ledger, in today's terms: every beneficiary then was a stated name. */
    private static Fixture rewrite() {
        Fixture f = new Fixture();
        f.issue("A", MN001, 2024, f.mnC1, 100, f.jpA1, 50);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "A", AuthorizationPurpose.NDC_AND_OIMP,
                Optional.of(OimpFirstTransfer.USE_OR_CANCELLATION), Optional.empty()));
        f.transfer(f.mnC1, f.jpB1, 20);
        f.ok(holder(f.jpB), retireForNdc(f.jpB1, 5));
        f.ok(holder(f.jpB), new RetireCredits(f.jpB1, Quantity.of(4), List.of(), Optional.empty(), RetirementPurpose.OIMP,
                Optional.of(new Beneficiary.Stated("Airline")), Optional.empty(), Optional.empty(), Optional.of("CORSIA offset")));
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(10), List.of(), Optional.empty(), RetirementPurpose.VOLUNTARY,
                Optional.of(new Beneficiary.Stated("\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25\u3000Steel \u682a\u5f0f\u4f1a\u793e")),
                Optional.empty(), Optional.empty(), Optional.empty()));
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(3), List.of(), Optional.empty(), RetirementPurpose.VOLUNTARY,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        return f;
    }

    @Test
    void every_stored_event_re_encodes_to_its_stored_bytes_and_the_chain_hashes_still_verify() throws IOException {
        byte[] hash = HashChain.zero();
        for (Stored s : stored()) {
            String again = encode(decode(s));

            assertThat(again).isEqualTo(s.canonical());
            hash = HashChain.next(hash, again.getBytes(StandardCharsets.UTF_8));
            assertThat(HashChain.toHex(hash)).isEqualTo(s.hash());
        }
    }

    @Test
    void a_stored_free_text_beneficiary_decodes_as_stated_and_a_missing_one_as_none() throws IOException {
        List<Optional<Beneficiary>> beneficiaries = new ArrayList<>();
        for (Stored s : stored()) {
            if (decode(s) instanceof CreditsRetired r) {
                beneficiaries.add(r.beneficiary());
            }
        }

        assertThat(beneficiaries).containsExactly(Optional.of(new Beneficiary.Stated("Japan")),
                Optional.of(new Beneficiary.Stated("Airline")),
                Optional.of(new Beneficiary.Stated("\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25\u3000Steel \u682a\u5f0f\u4f1a\u793e")),
                Optional.empty());
    }

    @Test
    void the_same_commands_today_write_the_stored_bytes_and_replaying_the_stored_ledger_gives_their_state() throws IOException {
        List<Stored> stored = stored();
        Fixture today = rewrite();
        List<LedgerEvent> decoded = new ArrayList<>();
        for (Stored s : stored) {
            decoded.add(decode(s));
        }

        assertThat(today.events).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(encode(today.events.get(i))).isEqualTo(stored.get(i).canonical());
        }
        assertThat(Replay.fold(decoded).snapshot()).isEqualTo(today.state.snapshot());
    }
}
