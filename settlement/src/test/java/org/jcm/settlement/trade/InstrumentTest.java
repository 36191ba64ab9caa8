package org.jcm.settlement.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Instrument codes read and write as docs/domain.md section 6 spells them. */
class InstrumentTest {

    @Test
    void a_code_round_trips() {
        Instrument instrument = Instrument.parse("JCM-MNG-2024-AUTHORIZED");
        assertThat(instrument.hostParty().value()).isEqualTo("MNG");
        assertThat(instrument.vintage().year()).isEqualTo(2024);
        assertThat(instrument.label()).isEqualTo(Label.AUTHORIZED);
        assertThat(instrument.code()).isEqualTo("JCM-MNG-2024-AUTHORIZED");
        assertThat(Instrument.parse("JCM-VNM-2030-CA_APPLIED").label()).isEqualTo(Label.CA_APPLIED);
    }

    @Test
    void malformed_codes_are_refused() {
        for (String bad : new String[] {"MNG-2024-NONE", "JCM-MN-2024-NONE", "JCM-MNG-1999-NONE", "JCM-MNG-2024-OTHER",
                "JCM-MNG-2024-NONE-X", "JCM-mng-2024-NONE", ""}) {
            assertThatThrownBy(() -> Instrument.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
