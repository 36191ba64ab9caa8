package org.jcm.ledger.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Block serial and ITMO id formatting and parsing, including malformed input. */
class SerialFormatTest {

    /** The pattern UNFCCC's consistency checker applies to ITMO ids. */
    static final Pattern ITMO = Pattern.compile("CA\\d{4}-[A-Z]{3}\\d{2}-[A-Z]{3}-[1-9]\\d*-\\d{4}");

    @Test
    void a_block_serial_formats_and_parses_inclusively_without_padding() {
        BlockSerial s = new BlockSerial(new ProjectId("MN001"), Vintage.of(2024), UnitRange.of(1001, 1250));
        assertThat(s.format()).isEqualTo("JCM-MN001-2024-1001-1250");
        assertThat(s.size()).isEqualTo(250);
        assertThat(BlockSerial.parse("JCM-MN001-2024-1001-1250")).isEqualTo(s);
        assertThat(BlockSerial.parse("JCM-ID012-2013-1-1").size()).isEqualTo(1);
        assertThat(BlockSerial.parse("JCM-MN001-2024-1-9007199254740991").range().last()).isEqualTo(Quantity.MAX);
    }

    @Test
    void a_serial_in_another_host_s_numbering_names_that_host_and_the_first_host_s_serial_keeps_its_text() {
        ProjectId mn003 = new ProjectId("MN003");
        PartyCode mng = new PartyCode("MNG");
        PartyCode twn = new PartyCode("TWN");
        BlockSerial taiwan = BlockSerial.of(mn003, mng, twn, Vintage.of(2025), UnitRange.of(1, 200));
        assertThat(taiwan.format()).isEqualTo("JCM-MN003-TWN-2025-1-200");
        assertThat(BlockSerial.parse("JCM-MN003-TWN-2025-1-200")).isEqualTo(taiwan);
        assertThat(taiwan.hostOr(mng)).isEqualTo(twn);
        BlockSerial mongolia = BlockSerial.of(mn003, mng, mng, Vintage.of(2025), UnitRange.of(1, 300));
        assertThat(mongolia.format()).isEqualTo("JCM-MN003-2025-1-300");
        assertThat(mongolia).isEqualTo(new BlockSerial(mn003, Vintage.of(2025), UnitRange.of(1, 300)));
        assertThat(mongolia.hostOr(mng)).isEqualTo(mng);
        // Naming the first host explicitly is accepted and names the same line.
        assertThat(BlockSerial.parse("JCM-MN003-MNG-2025-1-300").hostOr(mng)).isEqualTo(mng);
        assertThat(BlockSerial.parse("JCM-MN003-TWN-2025-7-7").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JCM-MN003-TW-2025-1-2", "JCM-MN003-TWNX-2025-1-2", "JCM-MN003-TWN2025-1-2", "JCM-MN003-TWN-",
            "JCM-MN003-TWN-2025-1", "JCM-MN003-twn-2025-1-2", "JCM-MN003-TwN-2025-1-2", "JCM-MN003-TWN-TWN-2025-1-2",
            "JCM-MN003-TWN-25-1-2", "JCM-MN003-TWN-2025-0-2", "JCM-MN003-TWN-2025-2-1", "JCM-MN003-T1N-2025-1-2"})
    void malformed_host_qualified_serials_are_refused_with_the_offending_text(String text) {
        assertThatThrownBy(() -> BlockSerial.parse(text)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).text()).isEqualTo(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "JCM", "JCM-MN001-2024-1001", "JCM-MN001-2024-1001-", "JCM-MN001-2024--1250",
            "JCX-MN001-2024-1001-1250", "JCM-MN01-2024-1001-1250", "JCM-mn001-2024-1001-1250", "JCM-MN001-24-1001-1250",
            "JCM-MN001-2012-1-2", "JCM-MN001-2024-0-5", "JCM-MN001-2024-01-5", "JCM-MN001-2024-10-5",
            "JCM-MN001-2024-1-9007199254740992", "JCM-MN001-2024-1-2-3", "JCM-MN001-2024-+1-2", "JCM-MN001-2024-1-2 ",
            "JCM_MN001_2024_1_2"})
    void malformed_block_serials_are_refused_with_the_offending_text(String text) {
        assertThatThrownBy(() -> BlockSerial.parse(text)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).text()).isEqualTo(text));
    }

    @Test
    void an_itmo_id_formats_parses_and_matches_the_unfccc_pattern() {
        ItmoId id = new ItmoId(new CooperativeApproachId("CA0012"), new RegistryId("MNG01"), new PartyCode("MNG"), 1001,
                Vintage.of(2024));
        assertThat(id.format()).isEqualTo("CA0012-MNG01-MNG-1001-2024");
        assertThat(ITMO.matcher(id.format()).matches()).isTrue();
        assertThat(ItmoId.parse("CA0012-MNG01-MNG-1001-2024")).isEqualTo(id);
        assertThat(ItmoId.parse("CA0012-JPN01-MNG-1-2013").issuingRegistryId()).isEqualTo(new RegistryId("JPN01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CA0012-MNG01-MNG-1001", "CA012-MNG01-MNG-1001-2024", "CA00120-MNG01-MNG-1001-2024",
            "XA0012-MNG01-MNG-1001-2024", "CA0012-MNG1-MNG-1001-2024", "CA0012-MNG01-MN-1001-2024",
            "CA0012-MNG01-MNG-0-2024", "CA0012-MNG01-MNG-01001-2024", "CA0012-MNG01-MNG--2024", "CA0012-MNG01-MNG-1001-24",
            "CA0012-mng01-MNG-1001-2024", "CA0012-MNG01-MNG-10a1-2024", "CA0012-MNG01-MNG-1001-2024-",
            "CA0012-MNG01-MNG-1001-1999"})
    void malformed_itmo_ids_are_refused(String text) {
        assertThatThrownBy(() -> ItmoId.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void every_itmo_id_the_parser_accepts_matches_the_unfccc_pattern() {
        String[] samples = {"CA0001-JPN01-MNG-1-2013", "CA9999-ABC99-XYZ-9007199254740991-2100", "CA0012-MNG01-MNG-1250-2024"};
        for (String s : samples) {
            assertThat(ITMO.matcher(ItmoId.parse(s).format()).matches()).isTrue();
            assertThat(ItmoId.parse(s).format()).isEqualTo(s);
        }
    }
}
