package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.AccountDetails;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.DirectoryJson;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransactionEntry;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.AccountQueries;
import org.jcm.registry.query.DirectoryQueries;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.registry.security.Reach;
import org.jcm.registry.security.RegistryScope;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/** The read endpoints of accounts: a registry's or Party's list, and one account's balances, holdings and transactions. */
@Path("/api/v1/accounts")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountReadResource {

    private static final String CSV_PAGE = "`Accept: text/csv` or `?format=csv` gives the same page as CSV, with the "
            + "next page's cursor in the response header " + ListCsvWriter.NEXT_CURSOR + ".";
    private static final Set<String> PAGING = Set.of("after", "limit");
    private static final Set<String> TRANSACTION_PARAMETERS = Set.of("after", "limit", "order");

    private static final Set<String> LIST_PARAMETERS = DirectoryParameters.with("registryId", "organizationId", "type",
            "status", "frozen", "namePrefix");

    private final AccountQueries accounts;
    private final DirectoryQueries directory;
    private final JsonWebToken token;

    AccountReadResource(AccountQueries accounts, DirectoryQueries directory, JsonWebToken token) {
        this.accounts = accounts;
        this.directory = directory;
        this.token = token;
    }

    /** The accounts of the caller's registry or Party (every registry for auditors), paged by id. */
    @GET
    @Authenticated
    @Operation(operationId = "listAccounts", summary = "The accounts of a registry or Party, by id", description = "Registry administrators list their "
            + "registry's, governments their Party's registries', auditors every registry's (the operator does not read "
            + "accounts). Filters: registryId (403 forbidden_scope for a registry the caller does not cover), "
            + "organizationId, type (HOLDING, CANCELLATION, RETIREMENT), status (OPEN, CLOSED), frozen (true, false), "
            + "namePrefix (the start of the name, without regard to case). " + ReadApiDoc.PAGED,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of accounts")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<DirectoryJson.AccountItem>> list(@Context UriInfo uri) {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.ACCOUNT_LIST_ROLES);
        QueryParameters parameters = QueryParameters.of(uri, LIST_PARAMETERS);
        Reach reach = ReadAccess.reach(reader, DirectoryParameters.registryId(parameters));
        DirectoryQueries.AccountFilter filter = new DirectoryQueries.AccountFilter(DirectoryParameters.organizationId(parameters),
                DirectoryParameters.oneOf(parameters, "type", List.of("HOLDING", "CANCELLATION", "RETIREMENT")),
                DirectoryParameters.oneOf(parameters, "status", List.of("OPEN", "CLOSED")),
                DirectoryParameters.bool(parameters, "frozen"), DirectoryParameters.namePrefix(parameters));
        PageRequest page = DirectoryQueries.ACCOUNTS.request(parameters.get("after"), parameters.get("limit"),
                reach.text() + "|" + filter);
        return directory.accounts(reach, filter, page);
    }

    /** An account with its balance by vintage and label. */
    @GET
    @Path("{accountId}")
    @Authenticated
    @Operation(operationId = "getAccount", summary = "An account with its balance by vintage and Article 6 label", description = "For account holders "
            + "of its organization, administrators of its registry, auditors and the government of the registry's Party.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", description = "A query parameter (invalid_query_parameter); this endpoint takes none", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account (unknown_account)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountDetails> account(@RestPath String accountId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters.of(uri, Set.of());
        return accounts.details(accountId).map(found -> {
            var account = found.orElseThrow(() -> unknownAccount(accountId));
            ReadAccess.checkAccount(reader, accountId, account.scope());
            return account.value();
        });
    }

    /** The account's live blocks in selection order (vintage, project, first unit), paged. */
    @GET
    @Path("{accountId}/holdings")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "listAccountHoldings", summary = "The account's live blocks with serials, ITMO ids and flags, in selection order",
            description = "In selection order: vintage, project, first unit. " + ReadApiDoc.PAGED + " " + CSV_PAGE,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of live blocks")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account (unknown_account)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<BlockView>> holdings(@RestPath String accountId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters parameters = QueryParameters.of(uri, PAGING);
        // Cursors are sealed for this account: one of another account's holdings is refused.
        PageRequest page = AccountQueries.HOLDINGS.request(parameters.get("after"), parameters.get("limit"), accountId);
        return checked(reader, accountId).chain(() -> accounts.holdings(accountId, page));
    }

    /** The events that touched the account, newest first unless {@code order=oldest}, paged. */
    @GET
    @Path("{accountId}/transactions")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, Representations.TEXT_CSV})
    @Formats({"csv", "json"})
    @Operation(operationId = "listAccountTransactions", summary = "The ledger events that touched the account, newest first (or order=oldest)",
            description = "Events that opened, froze, unfroze or closed the account or moved units into or out of it, each "
                    + "as hashed into the ledger. ?order=newest (default) or oldest. " + ReadApiDoc.PAGED + " " + CSV_PAGE,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of events")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account (unknown_account)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<TransactionEntry>> transactions(@RestPath String accountId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters parameters = QueryParameters.of(uri, TRANSACTION_PARAMETERS);
        boolean newestFirst = newestFirst(parameters.get("order"));
        PageRequest page = (newestFirst ? AccountQueries.TRANSACTIONS_NEWEST : AccountQueries.TRANSACTIONS_OLDEST)
                .request(parameters.get("after"), parameters.get("limit"), accountId);
        return checked(reader, accountId).chain(() -> accounts.transactions(accountId, newestFirst, page));
    }

    private Caller reader() {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.ACCOUNT_ROLES);
        return reader;
    }

    /** Completes when the account exists and the reader may see it; fails with 404 or 403 otherwise. */
    private Uni<RegistryScope> checked(Caller reader, String id) {
        return accounts.scope(id).map(found -> {
            RegistryScope scope = found.orElseThrow(() -> unknownAccount(id));
            ReadAccess.checkAccount(reader, id, scope);
            return scope;
        });
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.equals("newest")) {
            return true;
        }
        if (order.equals("oldest")) {
            return false;
        }
        throw QueryParameters.invalid("order", "order must be 'newest' (the default) or 'oldest'.");
    }

    private static ProblemException unknownAccount(String id) {
        return new ProblemException(404, Rejection.UNKNOWN_ACCOUNT.code(), "There is no account " + ClientText.quote(id) + ".");
    }
}
