package org.jcm.registry.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jcm.ledger.report.Csv;

/**
 * The CSV and printable HTML forms of a net disclosure statement: the same figures as its JSON.
 * The CSV is one table of (section, item, quantity, unit, detail) rows; the page is A4, escapes
 * every text, and loads and runs nothing.
 */
public final class DisclosureForms {

    private static final List<String> HEADER = List.of("Section", "Item", "Quantity", "Unit", "Detail");
    private static final String T = "t-CO2e";

    private DisclosureForms() {
    }

    /** The statement as CSV. */
    public static String csv(DisclosureJson.Statement s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Statement", "Organization", null, null, s.organization().id() + " " + s.organization().name()));
        rows.add(row("Statement", "Fiscal year", (long) s.fiscalYear(), null, s.from() + " to " + s.to() + " (JST)"));
        DisclosureJson.Gross g = s.gross();
        if (g != null) {
            rows.add(row("Gross", "Scope 1", g.scope1(), T, "version " + g.version() + "; " + g.source()));
            rows.add(row("Gross", "Scope 2 (" + g.scope2Basis() + ")", g.scope2(), T, "assurance: " + g.assuranceReference()));
            rows.add(row("Gross", "Scope 3", g.scope3(), T, g.scope3() == null ? "not stated" : null));
        } else {
            rows.add(row("Gross", "No emission record", null, null, "no emission record for this fiscal year"));
        }
        for (DisclosureJson.CreditLine l : s.credits().lines()) {
            rows.add(row("Credit", l.serial(), l.quantity(), T, l.date() + "; " + l.purpose() + "; " + l.correspondingAdjustment()
                    + "; retired by " + l.retiringOrganization().id() + "; seq " + l.seq() + "; "
                    + (l.counted() ? "counted" : "not counted: " + l.notCountedBecause()) + "; " + l.certificate()));
        }
        for (DisclosureJson.Total t : s.credits().byPurpose()) {
            rows.add(row("Credits by purpose", t.key(), t.quantity(), T, "counted " + t.counted()));
        }
        for (DisclosureJson.Total t : s.credits().byCorrespondingAdjustment()) {
            rows.add(row("Credits by corresponding adjustment", t.key(), t.quantity(), T, "counted " + t.counted()));
        }
        DisclosureJson.Net n = s.net();
        if (n != null) {
            rows.add(row("Net", "Gross scope 1 + 2", n.grossScope1And2(), T, null));
            rows.add(row("Net", "Credits counted", n.creditsCounted(), T, "beyond gross " + n.creditsBeyondGross()));
            rows.add(row("Net", "Net (adjusted) emissions", n.net(), T, s.rule().id()));
            rows.add(row("Net", "Net with adjusted credits only", n.netWithAdjustedCreditsOnly(), T,
                    "credits with corresponding adjustment applied " + n.creditsCountedAdjusted()));
        }
        rows.add(row("Rule", s.rule().id(), null, null, s.rule().text()));
        rows.add(row("Notice", "Read with", null, null, s.notice()));
        return Csv.write(HEADER, rows);
    }

    private static List<Object> row(String section, String item, Long quantity, String unit, String detail) {
        return Arrays.asList(section, item, quantity, unit, detail);
    }

    /** The statement as a printable page. */
    public static String html(DisclosureJson.Statement s) {
        StringBuilder p = new StringBuilder(8192);
        p.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Net disclosure statement ")
                .append(e(s.organization().name())).append(" FY").append(s.fiscalYear()).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 16mm 15mm; } body { font: 10pt sans-serif; } table { border-collapse: collapse;"
                        + " width: 100%; } td, th { border: 1px solid #999; padding: 2px 4px; text-align: left; }"
                        + " td.n { text-align: right; } .notice { border: 1px solid #000; padding: 4px; }\n")
                .append("</style>\n</head>\n<body>\n<h1>Net disclosure statement</h1>\n<p>")
                .append(e(s.organization().name())).append(" (").append(e(s.organization().id())).append("), fiscal year ")
                .append(s.fiscalYear()).append(": ").append(s.from()).append(" to ").append(s.to())
                .append(" (Japan Standard Time). As of ledger entry ").append(s.asOfSeq()).append(".</p>\n")
                .append("<p class=\"notice\">").append(e(s.notice())).append("</p>\n<h2>Gross emissions</h2>\n");
        gross(p, s.gross());
        credits(p, s.credits());
        p.append("<h2>Net figure</h2>\n");
        DisclosureJson.Net n = s.net();
        if (n == null) {
            p.append("<p>No net figure: there is no emission record for this fiscal year.</p>\n");
        } else {
            p.append("<table>\n");
            cell(p, "Gross scope 1 + 2", n.grossScope1And2());
            cell(p, "JCM credits counted", n.creditsCounted());
            cell(p, "Credits beyond gross (not applied)", n.creditsBeyondGross());
            cell(p, "Net (adjusted) emissions, beside gross", n.net());
            cell(p, "Net counting only credits with the corresponding adjustment applied", n.netWithAdjustedCreditsOnly());
            p.append("</table>\n");
        }
        p.append("<p>Rule ").append(e(s.rule().id())).append(": ").append(e(s.rule().text())).append("</p>\n</body>\n</html>\n");
        return p.toString();
    }

    private static void gross(StringBuilder p, DisclosureJson.Gross g) {
        if (g == null) {
            p.append("<p>No emission record for this fiscal year.</p>\n");
            return;
        }
        p.append("<table>\n");
        cell(p, "Scope 1", g.scope1());
        cell(p, "Scope 2 (" + g.scope2Basis() + " based)", g.scope2());
        p.append("<tr><th>Scope 3</th><td class=\"n\">").append(g.scope3() == null ? "not stated" : g.scope3() + " " + T)
                .append("</td></tr>\n</table>\n<p>Version ").append(g.version()).append(", recorded ").append(e(g.recordedAt()))
                .append(", SHA-256 ").append(e(g.sha256())).append(". Source: ").append(e(g.source())).append(". Assurance: ")
                .append(e(g.assuranceReference())).append(". Earlier versions: ").append(e(g.versions())).append("</p>\n");
    }

    private static void credits(StringBuilder p, DisclosureJson.Credits c) {
        p.append("<h2>JCM credits retired for the organization</h2>\n<table>\n<tr><th>Date</th><th>Serial</th><th>Quantity</th>"
                + "<th>Purpose</th><th>Corresponding adjustment</th><th>Retired by</th><th>Counted</th><th>Certificate</th></tr>\n");
        for (DisclosureJson.CreditLine l : c.lines()) {
            p.append("<tr><td>").append(e(l.date())).append("</td><td>").append(e(l.serial())).append("</td><td class=\"n\">")
                    .append(l.quantity()).append("</td><td>").append(e(l.purpose())).append("</td><td>")
                    .append(e(l.correspondingAdjustment())).append("</td><td>").append(e(l.retiringOrganization().name()))
                    .append(" (").append(e(l.retiringOrganization().id())).append(")</td><td>")
                    .append(l.counted() ? "yes" : "no: " + e(l.notCountedBecause())).append("</td><td><a href=\"")
                    .append(e(l.certificate())).append("?format=html\">seq ").append(l.seq()).append("</a></td></tr>\n");
        }
        p.append("</table>\n<table>\n");
        for (DisclosureJson.Total t : c.byPurpose()) {
            cell(p, "Purpose " + t.key() + " (counted " + t.counted() + ")", t.quantity());
        }
        for (DisclosureJson.Total t : c.byCorrespondingAdjustment()) {
            cell(p, "Corresponding adjustment " + t.key() + " (counted " + t.counted() + ")", t.quantity());
        }
        p.append("</table>\n");
    }

    private static void cell(StringBuilder p, String label, long quantity) {
        p.append("<tr><th>").append(e(label)).append("</th><td class=\"n\">").append(quantity).append(' ').append(T)
                .append("</td></tr>\n");
    }

    /** The text with the characters HTML gives meaning to escaped. */
    static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
