package org.jcm.settlement.api;

import java.util.List;

/** A response that can also be written as CSV ({@code Accept: text/csv}): a header row and data rows. */
public interface CsvTable {

    /** The column names. */
    List<String> csvHeader();

    /** The data rows, each as long as the header. */
    List<List<String>> csvRows();
}
