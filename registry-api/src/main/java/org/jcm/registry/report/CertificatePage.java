package org.jcm.registry.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jcm.registry.api.RetirementCertificateJson;
import org.jcm.registry.api.RetirementCertificateJson.CosignerJson;
import org.jcm.registry.api.RetirementCertificateJson.ItmoRangeJson;
import org.jcm.registry.api.RetirementCertificateJson.UnitsJson;

/**
 * A retirement certificate as a printable HTML page (A4): the facts, the signed checkpoint, the
 * inclusion proof and the event, how to verify it, and the certificate's JSON itself, embedded
 * ({@code <script type="application/json" id="certificate">}) and offered as a download, so that a
 * printed or saved page carries its proof. Every text from the certificate is escaped; the page
 * loads nothing and runs no script.
 */
public final class CertificatePage {

    /** Where the explorer is, whose "Check a certificate" verifies a certificate in the browser. */
    static final String EXPLORER = "/explorer/";
    /** The copy of docs/verify-ledger.py the explorer serves. */
    static final String SERVED_VERIFIER = EXPLORER + "verifier/" + CertificateFacts.VERIFIER;

    private static final String STYLE = """
            @page { size: A4; margin: 16mm 15mm; }
            body { font-family: Georgia, 'Times New Roman', serif; color: #111; max-width: 180mm; margin: 0 auto;
                   padding: 10mm 4mm; line-height: 1.4; font-size: 10.5pt; }
            h1 { font-size: 21pt; margin: 0 0 3mm; padding-bottom: 2mm; border-bottom: 2px solid #1b5e20; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm; color: #1b5e20; }
            h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
            .origin { margin: 0; color: #555; font-size: 9pt; letter-spacing: .05em; text-transform: uppercase; }
            .summary { font-size: 12pt; }
            .statement { font-style: italic; }
            table.facts { border-collapse: collapse; width: 100%; }
            table.facts th { text-align: left; width: 48mm; vertical-align: top; padding: 1mm 3mm 1mm 0; font-weight: 600; }
            table.facts td { padding: 1mm 0; vertical-align: top; }
            table.facts tr + tr > * { border-top: 1px solid #e3e3e3; }
            pre, code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 7.5pt; }
            pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 2mm; border: 1px solid #ddd;
                  margin: 0; break-inside: avoid; }
            .proof { break-before: page; }
            .issued { margin-top: 6mm; color: #555; font-size: 9pt; }
            @media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
            """;

    private CertificatePage() {
    }

    /** The page of {@code certificate}, whose JSON text (as the JSON answer sends it) is {@code json}. */
    public static String html(RetirementCertificateJson certificate, String json) {
        RetirementCertificateJson c = certificate;
        StringBuilder page = new StringBuilder(8192);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Retirement certificate: ledger entry ").append(c.seq()).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n")
                .append("<p class=\"origin\">").append(escape(c.checkpointSigner().name())).append("</p>\n")
                .append("<h1>Certificate of retirement</h1>\n</header>\n")
                .append("<p class=\"summary\"><strong>").append(c.quantity()).append(" units</strong> retired on ")
                .append(escape(c.retiredAt())).append(c.beneficiaryKind() == null ? "" : " on behalf of <strong>"
                        + escape(beneficiaryName(c)) + "</strong>" + ("STATED".equals(c.beneficiaryKind())
                                ? " (as stated by the retiring organization)" : "")).append(".</p>\n")
                .append("<p class=\"statement\">").append(escape(c.statement())).append("</p>\n");
        facts(page, c);
        proof(page, c);
        howToVerify(page, c, json);
        page.append("<p class=\"issued\">Issued ").append(escape(c.issuedAt())).append(" from ledger entry ").append(c.seq())
                .append(".</p>\n")
                .append("<script type=\"application/json\" id=\"certificate\">").append(scriptSafe(json)).append("</script>\n")
                .append("</body>\n</html>\n");
        return page.toString();
    }

    private static void facts(StringBuilder page, RetirementCertificateJson c) {
        List<String> serials = new ArrayList<>();
        for (UnitsJson u : c.units()) {
            serials.add(escape(u.serial()) + " (" + u.quantity() + ")");
        }
        List<String> itmos = new ArrayList<>();
        for (ItmoRangeJson i : c.itmoIds()) {
            itmos.add(escape(i.first()) + " to " + escape(i.last()) + " (authorization " + escape(i.authorizationId()) + ")");
        }
        page.append("<h2>What was retired</h2>\n<table class=\"facts\">\n");
        row(page, "Retired at (UTC)", escape(c.retiredAt()));
        row(page, "Quantity", c.quantity() + " units (tCO2e)");
        row(page, "Serial ranges", String.join("<br>", serials));
        row(page, "ITMO ids", itmos.isEmpty() ? "none: the units are not authorized" : String.join("<br>", itmos));
        if (c.project() != null) {
            row(page, "Project", escape(c.project().id()) + (c.project().title() == null ? "" : ": " + escape(c.project().title())));
        }
        if (c.hostParty() != null) {
            row(page, "Host Party", escape(c.hostParty()));
        }
        if (c.vintage() != null) {
            row(page, "Vintage", c.vintage().toString());
        }
        row(page, "Purpose", escape(c.purpose()));
        if (c.usingParty() != null) {
            row(page, "Using Party", escape(c.usingParty()));
        }
        if (c.yearOfUse() != null) {
            row(page, "Year of use", c.yearOfUse().toString());
        }
        row(page, "Beneficiary", beneficiary(c));
        String name = c.retiringOrganization().name();
        row(page, "Retiring organization", escape(c.retiringOrganization().id()) + (name == null ? "" : ": " + escape(name)));
        row(page, "Retiring account", escape(c.retiringAccountId()));
        row(page, "Registry", escape(c.registryId()));
        row(page, "Ledger entry (seq)", Long.toString(c.seq()));
        page.append("</table>\n");
    }

    private static void proof(StringBuilder page, RetirementCertificateJson c) {
        List<String> cosigned = new ArrayList<>();
        for (CosignerJson w : c.cosigners()) {
            cosigned.add(escape(w.name()) + " (key " + escape(w.keyId()) + ") at " + escape(w.cosignedAt()));
        }
        page.append("<h2 class=\"proof\">Proof</h2>\n<p>Entry ").append(c.seq()).append(" (leaf ").append(c.leafIndex())
                .append(") of the checkpoint of ").append(c.treeSize()).append(" entries, signed by <strong>")
                .append(escape(c.checkpointSigner().name())).append("</strong> (key ").append(escape(c.checkpointSigner().keyId()))
                .append("); ").append(cosigned.isEmpty() ? "no witness cosignature is stored for it."
                        : "cosigned by " + String.join(", ", cosigned) + ".").append("</p>\n")
                .append("<h3>Signed checkpoint</h3>\n<pre>").append(escape(c.checkpoint())).append("</pre>\n")
                .append("<h3>Inclusion proof (RFC 9162 audit path, base64)</h3>\n<pre>")
                .append(escape(c.inclusion().isEmpty() ? "(empty: the event is the tree's only entry)"
                        : String.join("\n", c.inclusion()))).append("</pre>\n")
                .append("<h3>The event: the leaf's bytes (canonical JSON, RFC 8785)</h3>\n<pre>").append(escape(c.event()))
                .append("</pre>\n");
    }

    private static void howToVerify(StringBuilder page, RetirementCertificateJson c, String json) {
        String file = CertificateFacts.fileName(c.seq());
        String data = "data:application/json;base64," + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        page.append("<h2>How to verify</h2>\n<ol>\n")
                .append("<li>Save the certificate: <a download=\"").append(escape(file)).append("\" href=\"").append(data)
                .append("\">").append(escape(file)).append("</a> (it is also embedded in this page, element ")
                .append("<code>script#certificate</code>).</li>\n")
                .append("<li>Offline, with Python 3 and the registry's verifier (<a href=\"").append(SERVED_VERIFIER)
                .append("\">").append(CertificateFacts.VERIFIER).append("</a>, no other package):\n<pre>")
                .append(escape(c.verify())).append("</pre></li>\n")
                .append("<li>In a browser: \"Check a certificate\" on the registry's explorer (<a href=\"").append(EXPLORER)
                .append("\">").append(EXPLORER).append("</a>).</li>\n")
                .append("<li>Compare the log's key, ").append(escape(c.checkpointSigner().name())).append(" (key ")
                .append(escape(c.checkpointSigner().keyId())).append("), with the key the registry's operator publishes: ")
                .append("the proof is only as good as that key.</li>\n</ol>\n");
    }

    private static void row(StringBuilder page, String label, String html) {
        page.append("<tr><th>").append(label).append("</th><td>").append(html).append("</td></tr>\n");
    }

    /** Text as HTML: the five characters that could end a text or an attribute are written as references. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * JSON that cannot end its script element: {@code <}, {@code >} and {@code &} occur only inside
     * strings, where their {@code \}{@code uXXXX} escapes mean the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** The beneficiary's name, or an organization's id when the registry has no name for it. */
    private static String beneficiaryName(RetirementCertificateJson c) {
        return c.beneficiary() != null ? c.beneficiary() : c.beneficiaryOrganizationId();
    }

    /** The beneficiary with how it is known: a registered organization (id and name), or a name as stated. */
    private static String beneficiary(RetirementCertificateJson c) {
        if (c.beneficiaryKind() == null) {
            return "none recorded";
        }
        if ("ORGANIZATION".equals(c.beneficiaryKind())) {
            return "registered organization " + escape(c.beneficiaryOrganizationId())
                    + (c.beneficiary() == null ? "" : ": " + escape(c.beneficiary()));
        }
        return escape(c.beneficiary()) + " (as stated by the retiring organization; not verified by the registry)";
    }
}
