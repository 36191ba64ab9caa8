package org.jcm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jcm.client.JcmClient;
import org.jcm.client.Pages;

/**
 * Downloads CSV from the registry ({@code ?format=csv}) to the command's output, following the
 * {@code Next-Cursor} header across pages; every page repeats the header line, which is written once.
 */
final class CsvDownload {

    private CsvDownload() {
    }

    /** Writes every page of {@code path} (with its query, if any) as CSV to {@code out}; returns the pages. */
    static int copy(JcmClient client, String path, PrintWriter out, Progress progress) {
        String separator = path.contains("?") ? "&" : "?";
        boolean[] first = {true};
        int pages = Pages.byHeader(after -> client.get(path + separator + "format=csv"
                + (after == null ? "" : "&after=" + after), "text/csv"), page -> {
                    write(page, out, first[0]);
                    first[0] = false;
                    progress.step(1);
                });
        progress.done();
        out.flush();
        return pages;
    }

    private static void write(HttpResponse<InputStream> page, PrintWriter out, boolean withHeader) {
        String text;
        try (InputStream body = page.body()) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int headerEnd = text.indexOf('\n');
        out.print(withHeader || headerEnd < 0 ? text : text.substring(headerEnd + 1));
    }
}
