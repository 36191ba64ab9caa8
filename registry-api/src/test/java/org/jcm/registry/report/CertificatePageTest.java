package org.jcm.registry.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jcm.registry.api.RetirementCertificateJson;
import org.jcm.registry.api.RetirementCertificateJson.CosignerJson;
import org.jcm.registry.api.RetirementCertificateJson.ItmoRangeJson;
import org.jcm.registry.api.RetirementCertificateJson.OrganizationJson;
import org.jcm.registry.api.RetirementCertificateJson.ProjectJson;
import org.jcm.registry.api.RetirementCertificateJson.SignerJson;
import org.jcm.registry.api.RetirementCertificateJson.UnitsJson;
import org.junit.jupiter.api.Test;

/**
 * The printable page on its own: every text taken from the certificate is escaped wherever it
 * lands (text, attribute, the embedded JSON), and the embedded JSON reads back as the JSON given.
 * The page is written to {@code target/retirement-certificate.html} for a look in a browser.
 */
class CertificatePageTest {

    private static final String HOSTILE = "</script><img src=x onerror=\"alert('x')\"> & Co";

    @Test
    void texts_from_the_certificate_are_escaped_everywhere_and_the_embedded_json_reads_back_unchanged() throws Exception {
        RetirementCertificateJson certificate = new RetirementCertificateJson("The event is entry 42 … " + HOSTILE, 42,
                "{\"beneficiary\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"seq\":42,\"type\":\"CreditsRetired\"}",
                "jcm.local/ledger\n1003\nnR7EGCy2x1T9ms4YdVjUJ5tiZzH55mnDD6M0siIN1gg=\n\n— jcm.local/ledger lF+F\n",
                List.of("YWJj", "ZGVm"), 1003, 41, "2025-05-01T00:00:00.000Z", 150,
                List.of(new UnitsJson("JCM-MN001-2024-1001-1150", "MN001", "MNG", 2024, 150)),
                List.of(new ItmoRangeJson("JCM-MN001-2024-1001-1150", "CA0001-MNG01-MNG-1001-2024", "CA0001-MNG01-MNG-1150-2024",
                        "MNG-AUTH-1")),
                new ProjectJson("MN001", "Solar <b>power</b>"), "MNG", 2024, "NDC", "JPN", 2025, HOSTILE, "STATED", null, "STATED_BY_RETIRING_ORGANIZATION",
                new OrganizationJson("JPN01-O00002", HOSTILE), "JPN01-H00001", "JPN01",
                new SignerJson("jcm.local/ledger", "945f85b4"),
                List.of(new CosignerJson("jcm.local/witness", "9426ceb9", "2026-01-01T00:00:00Z")),
                "python3 verify-ledger.py certificate retirement-42-certificate.json --key 'jcm.local/ledger+945f85b4+AeMK'",
                "2026-12-07T12:00:00.123Z");
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(certificate);

        String page = CertificatePage.html(certificate, json);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "retirement-certificate.html"), page);

        assertThat(page).doesNotContain("<img").doesNotContain("</script><").doesNotContain("<b>power")
                .contains("&lt;/script&gt;&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; Co")
                .contains("Solar &lt;b&gt;power&lt;/b&gt;").contains("CA0001-MNG01-MNG-1001-2024 to CA0001-MNG01-MNG-1150-2024")
                .contains("Using Party").contains("Year of use").contains("cosigned by jcm.local/witness (key 9426ceb9)");
        assertThat(page.split("<script", -1)).hasSize(2);
        String embedded = page.substring(page.indexOf("id=\"certificate\">") + "id=\"certificate\">".length(),
                page.indexOf("</script>"));
        assertThat(embedded).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(mapper.readValue(embedded, Map.class)).isEqualTo(mapper.readValue(json, Map.class));
    }

    @Test
    void text_is_escaped_as_html_and_json_made_safe_inside_a_script_element() {
        assertThat(CertificatePage.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(CertificatePage.scriptSafe("{\"a\":\"</script>&\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u0026\"}");
    }
}
