package org.jcm.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.report.AefColumns;
import org.jcm.ledger.report.AefColumns.Column;
import org.jcm.ledger.report.AefReport;
import org.jcm.ledger.report.AefTable;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.ReportJson;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.report.AefReportService;
import org.jcm.registry.report.ClaimStatements;
import org.jcm.registry.report.ClaimStatements.CompanyStatement;
import org.jcm.registry.report.PublicReports;
import org.jcm.registry.report.PublicReports.StatementLine;
import org.jcm.registry.report.ReportTables;

/** Reports: the AEF tables for governments and auditors, and the public summary and retirement statements. */
@Path("/api/v1/reports")
@APIResponse(responseCode = "400", description = "A parameter is missing or not valid (invalid_field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = ApiDoc.E401, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "AEF tables: not a government or auditor (forbidden), or another Party's "
        + "tables (forbidden_scope)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Reports", description = "AEF tables 2, 3 and 4, totals, retirement statements; JSON or CSV (docs/article6.md).")
public class ReportResource {

    /** Retirements listed by {@code /retirements/recent} when no {@code limit} is given, and the most it lists. */
    static final int RECENT_DEFAULT = 20;
    static final int RECENT_MAX = 200;

    private final AefReportService aef;
    private final PublicReports reports;
    private final ClaimStatements claims;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    ReportResource(AefReportService aef, PublicReports reports, ClaimStatements claims, SecurityIdentity identity,
                   JsonWebToken token) {
        this.aef = aef;
        this.reports = reports;
        this.claims = claims;
        this.identity = identity;
        this.token = token;
    }

    /** One AEF table of a Party and calendar year. */
    @GET
    @Path("/aef/{party}/{year}/{table}")
    @RolesAllowed({"government", "auditor"})
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "getAefTable", summary = "An AEF table of a Party and calendar year",
            description = "T2 authorizations, T3 actions or T4 holdings at 31 December (UTC), derived by replaying the "
                    + "ledger up to the last event of the year. A government reads its own Party's tables, an auditor any. "
                    + "`Accept: text/csv` gives the table as CSV with the AEF column names (docs/article6.md).")
    @APIResponse(responseCode = "200", description = "The table, with its columns and rows", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportJson.AefTableJson.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> aef(@Parameter(description = "ISO 3166 alpha-3 code of the reporting Party") @PathParam("party") String party,
                             @Parameter(description = "Calendar year, 2013 to 2100") @PathParam("year") String year,
                             @Parameter(description = "T2, T3 or T4") @PathParam("table") String table,
                             @Context HttpHeaders headers) {
        PartyCode code = ReportParameters.parse("party", party, PartyCode::parse);
        int calendarYear = ReportParameters.year("year", year);
        AefTable aefTable = ReportParameters.parse("table", table, AefTable::valueOf);
        if (!identity.hasRole("auditor") && !code.value().equals(token.getClaim("party"))) {
            throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(),
                    "A government reads the AEF tables of its own Party only.");
        }
        boolean csv = Representations.csv(headers);
        return aef.report(code, calendarYear).map(report -> switch (aefTable) {
            case T2 -> answer(report, aefTable, AefColumns.T2, report.authorizations(), csv);
            case T3 -> answer(report, aefTable, AefColumns.T3, report.actions(), csv);
            case T4 -> answer(report, aefTable, AefColumns.T4, report.holdings(), csv);
        });
    }

    private static <R> Response answer(AefReport report, AefTable table, List<Column<R>> columns, List<R> rows, boolean csv) {
        if (csv) {
            return Representations.csv(ReportTables.csv(columns, rows),
                    "AEF-" + report.party().value() + "-" + report.year() + "-" + table + ".csv");
        }
        return Representations.json(new ReportJson.AefTableJson(report.party().value(), report.year(), table.name(),
                report.asOfSeq(), report.asOf().map(EventCodec::formatTime).orElse(null), ReportTables.columns(columns),
                ReportTables.json(columns, rows)));
    }

    /** Totals per host Party and vintage. */
    @GET
    @Path("/summary")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "getSummaryReport", summary = "Issued, held, retired and cancelled units per host Party and vintage",
            description = "Public. Totals of the live blocks as of the ledger seq `asOfSeq`.")
    @APIResponse(responseCode = "200", description = "One row per host Party and vintage", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportJson.SummaryJson.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> summary(@Context HttpHeaders headers) {
        boolean csv = Representations.csv(headers);
        return reports.summary().map(summary -> csv
                ? Representations.csv(ReportTables.csv(PublicReports.SUMMARY, summary.lines()), "JCM-summary.csv")
                : Representations.json(new ReportJson.SummaryJson(summary.asOfSeq(), ReportTables.columns(PublicReports.SUMMARY),
                        ReportTables.json(PublicReports.SUMMARY, summary.lines()))));
    }

    /** A beneficiary's retirement statement for a Japanese fiscal year. */
    @GET
    @Path("/retirements")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "getRetirementStatement", summary = "Retirement statement of a beneficiary for a Japanese fiscal year",
            description = "Public. Every range retired naming this beneficiary from 1 April of `fiscalYear` to 31 "
                    + "March of the next year (dates in Japan Standard Time): retirements whose stated name, or whose "
                    + "beneficiary organization's registered name, equals `beneficiary` after Unicode NFKC, white-space "
                    + "and case normalization. Each row shows the retiring organization, the beneficiary and how it is "
                    + "known (a registered organization, or a name as stated by the retiring organization), with serials, "
                    + "ITMO ids of authorized units, quantities, dates and purposes, and the units' "
                    + "corresponding-adjustment state as of now.")
    @APIResponse(responseCode = "200", description = "The statement, one row per retired range", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportJson.RetirementStatementJson.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> retirements(
            @Parameter(description = "The beneficiary's name; compared case-insensitively after NFKC and white-space normalization") @QueryParam("beneficiary") String beneficiary,
            @Parameter(description = "Japanese fiscal year N: 1 April N to 31 March N+1") @QueryParam("fiscalYear") String fiscalYear,
            @Context HttpHeaders headers) {
        // Beneficiaries are free text without control characters (ledger-core Checks.freeText); one with
        // them names no retirement, and PostgreSQL cannot even compare a text holding NUL.
        if (beneficiary == null || beneficiary.isBlank() || beneficiary.length() > 200
                || beneficiary.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(400, ProblemCodes.INVALID_FIELD, "Name the beneficiary of the statement.",
                    List.of(new FieldError("beneficiary", "Required: 1 to 200 characters without control characters, "
                            + "the name stated in the retirements or an organization's registered name.")));
        }
        FiscalYear year = new FiscalYear(ReportParameters.year("fiscalYear", fiscalYear));
        boolean csv = Representations.csv(headers);
        return reports.statement(beneficiary, year).map(lines -> {
            if (csv) {
                return Representations.csv(ReportTables.csv(PublicReports.STATEMENT, lines),
                        "JCM-retirements-FY" + year.year() + ".csv");
            }
            long total = 0;
            for (StatementLine l : lines) {
                total += l.range().size();
            }
            return Representations.json(new ReportJson.RetirementStatementJson(beneficiary, year.year(),
                    LocalDate.of(year.year(), 4, 1).toString(), LocalDate.of(year.year() + 1, 3, 31).toString(), total,
                    ReportTables.columns(PublicReports.STATEMENT), ReportTables.json(PublicReports.STATEMENT, lines)));
        });
    }

    /** The newest retirements, of any beneficiary. */
    @GET
    @Path("/retirements/recent")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "listRecentRetirements", summary = "The newest retirements of any beneficiary, newest first",
            description = "Public. The last `limit` retirements (default " + RECENT_DEFAULT + ", at most " + RECENT_MAX
                    + ") in the ledger, newest first, every retired range of each with the columns of the retirement "
                    + "statement (retiring organization, beneficiary and how it is known, serial, ITMO ids, quantity, "
                    + "date, purpose, corresponding-adjustment "
                    + "state as of now), as of the ledger seq `asOfSeq`.")
    @APIResponse(responseCode = "200", description = "One row per retired range, newest retirement first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportJson.RecentRetirementsJson.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> recentRetirements(
            @Parameter(description = "How many retirements, 1 to " + RECENT_MAX + "; default " + RECENT_DEFAULT)
            @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        int count = limit == null ? RECENT_DEFAULT : ReportParameters.integer("limit", limit, 1, RECENT_MAX);
        boolean csv = Representations.csv(headers);
        return reports.recent(count).map(recent -> csv
                ? Representations.csv(ReportTables.csv(PublicReports.STATEMENT, recent.lines()), "JCM-recent-retirements.csv")
                : Representations.json(new ReportJson.RecentRetirementsJson(recent.asOfSeq(), count,
                        ReportTables.columns(PublicReports.STATEMENT), ReportTables.json(PublicReports.STATEMENT, recent.lines()))));
    }

    /** A company's retirement statement for a Japanese fiscal year: for itself, by others naming it, for others. */
    @GET
    @Path("/organizations/{organizationId}/retirements")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Operation(operationId = "getCompanyRetirementStatement", summary = "A company's retirement statement for a Japanese fiscal year, in three lists",
            description = "Public. What the organization retired for itself (naming itself by id, or no one), what other "
                    + "organizations retired naming it by id (each row shows who retired), and what it retired for others "
                    + "(another organization, or a name it stated), from 1 April of `fiscalYear` to 31 March of the next "
                    + "year (JST). A stated name never puts a retirement in an organization's statement. CSV: one row per "
                    + "line with its list first (docs/companies.md).")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportJson.CompanyStatementJson.class)),
            @Content(mediaType = Representations.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such organization (unknown_organization)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> companyStatement(
            @Parameter(description = "The organization, e.g. JPN01-O0002") @PathParam("organizationId") String organizationId,
            @Parameter(description = "Japanese fiscal year N: 1 April N to 31 March N+1") @QueryParam("fiscalYear") String fiscalYear,
            @Context HttpHeaders headers) {
        String id = organizationId(organizationId);
        FiscalYear year = new FiscalYear(ReportParameters.year("fiscalYear", fiscalYear));
        boolean csv = Representations.csv(headers);
        return claims.of(id, year).map(found -> {
            CompanyStatement s = found.orElseThrow(() -> new ProblemException(404, Rejection.UNKNOWN_ORGANIZATION.code(),
                    "Organization " + id + " is not registered."));
            if (csv) {
                return Representations.csv(ReportTables.csv(ClaimStatements.CSV, s.listed()),
                        "JCM-retirements-" + id + "-FY" + year.year() + ".csv");
            }
            return Representations.json(new ReportJson.CompanyStatementJson(
                    new ReportJson.OrganizationNameJson(id, s.organizationName()), year.year(),
                    LocalDate.of(year.year(), 4, 1).toString(), LocalDate.of(year.year() + 1, 3, 31).toString(),
                    ReportTables.columns(PublicReports.STATEMENT), list(s.forItself()), list(s.byOthersNamingIt()),
                    list(s.forOthers())));
        });
    }

    /** The organization id of the path: one that cannot be an id names no organization (404, as an unknown one). */
    private static String organizationId(String text) {
        try {
            return OrganizationId.parse(text).value();
        } catch (InvalidValueException e) {
            throw new ProblemException(404, Rejection.UNKNOWN_ORGANIZATION.code(), "There is no organization "
                    + ClientText.quote(text) + ".");
        }
    }

    private static ReportJson.ClaimListJson list(List<StatementLine> lines) {
        long total = 0;
        for (StatementLine l : lines) {
            total += l.range().size();
        }
        return new ReportJson.ClaimListJson(total, ReportTables.json(PublicReports.STATEMENT, lines));
    }
}
