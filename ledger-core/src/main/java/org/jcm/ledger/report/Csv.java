package org.jcm.ledger.report;

import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: CRLF line ends, a header line, fields quoted when they hold
 * a comma, a quote or a line break (quotes doubled), empty for {@code null}. Text that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return)
 * gets a leading apostrophe, because reports carry free text (beneficiaries, reasons) and are
 * opened in spreadsheets by the governments that receive them; numbers are written as they are.
 */
public final class Csv {

    private Csv() {
    }

    /** The whole document: {@code header}, then one line per row of cells. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (List<?> row : rows) {
            line(b, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            field(b, cells.get(i));
        }
        b.append("\r\n");
    }

    static void field(StringBuilder b, Object cell) {
        if (cell == null) {
            return;
        }
        if (!(cell instanceof CharSequence)) {
            b.append(cell);
            return;
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            b.append(text);
            return;
        }
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }
}
