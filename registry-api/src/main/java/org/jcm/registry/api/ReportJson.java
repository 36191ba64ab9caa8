package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The JSON forms of the reports: each a table of {@code rows} keyed like its {@code columns}, plus what it covers. */
public final class ReportJson {

    private ReportJson() {
    }

    /** A column of a report: its key in the JSON rows and its name in the CSV header. */
    public record ColumnJson(String key, String name) {
    }

    /**
     * One AEF table of a Party and calendar year, as of ledger seq {@code asOfSeq} (the last event
     * applied before 1 January of the next year, UTC) applied at {@code asOf}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AefTableJson(String party, int year, String table, long asOfSeq, String asOf, List<ColumnJson> columns,
                               List<Map<String, Object>> rows) {
    }

    /** Issued, held, retired and cancelled units per host Party and vintage, as of ledger seq {@code asOfSeq}. */
    public record SummaryJson(long asOfSeq, List<ColumnJson> columns, List<Map<String, Object>> rows) {
    }

    /**
     * A retirement statement: what {@code beneficiary} had retired in Japanese fiscal year
     * {@code fiscalYear}, from 1 April ({@code from}) to 31 March ({@code to}), dates in Japan.
     */
    public record RetirementStatementJson(String beneficiary, int fiscalYear, String from, String to, long totalQuantity,
                                          List<ColumnJson> columns, List<Map<String, Object>> rows) {
    }

    /**
     * The newest retirements, newest first: every range of each, with its beneficiary, as of ledger
     * seq {@code asOfSeq}; at most {@code limit} retirement events.
     */
    public record RecentRetirementsJson(long asOfSeq, int limit, List<ColumnJson> columns, List<Map<String, Object>> rows) {
    }

    /**
     * A company's retirement statement for Japanese fiscal year {@code fiscalYear} (docs/companies.md):
     * what it retired for itself, what others retired naming it, and what it retired for others, each
     * list with its total and rows in the columns of the retirement statement.
     */
    public record CompanyStatementJson(OrganizationNameJson organization, int fiscalYear, String from, String to,
                                       List<ColumnJson> columns, ClaimListJson forItself, ClaimListJson byOthersNamingIt,
                                       ClaimListJson forOthers) {
    }

    /** An organization's id and registered name. */
    public record OrganizationNameJson(String id, String name) {
    }

    /** One list of a company's statement: its total quantity (tCO2e) and its rows. */
    public record ClaimListJson(long totalQuantity, List<Map<String, Object>> rows) {
    }
}
