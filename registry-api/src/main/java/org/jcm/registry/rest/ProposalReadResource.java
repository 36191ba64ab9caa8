package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.state.Proposal;
import org.jcm.ledger.state.ProposalStatus;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.ProposalJson;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.persistence.ProposalReads;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ProposalAccess;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * Reads the proposals of four-eyes actions: the list (by id, of what the reader may see, by status
 * and kind if asked) and one proposal. Who sees which is {@link ProposalAccess}; the approvals and
 * rejections are in {@link ProposalResource}.
 */
@Path("/api/v1/proposals")
@Tag(name = "Proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalReadResource {

    /** The list's cursors: the last proposal id of a page. */
    static final ListKind PROPOSALS = new ListKind("proposals", 1);
    private static final Set<String> LIST_PARAMETERS = Set.of("after", "limit", "status", "kind");

    private final ProposalReads proposals;
    private final JsonWebToken token;

    ProposalReadResource(ProposalReads proposals, JsonWebToken token) {
        this.proposals = proposals;
        this.token = token;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProposals", summary = "Proposals of four-eyes actions, by id", description = "What is pending (or was), who proposed "
            + "it, when it expires, who may approve it and how it ended. Registry administrators see their registry's, "
            + "governments their Party's (and its registries'), auditors and the operator all. ?status=PENDING|APPROVED|"
            + "REJECTED|WITHDRAWN|EXPIRED and ?kind= (ISSUANCE, FREEZE, ...) narrow the list. " + ReadApiDoc.PAGED,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of proposals")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST + "; an unknown status or kind "
            + "(invalid_query_parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<ProposalJson>> list(@Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters parameters = QueryParameters.of(uri, LIST_PARAMETERS);
        Optional<ProposalStatus> status = optional(parameters, "status", ProposalStatus.class);
        Optional<ProposalKind> kind = optional(parameters, "kind", ProposalKind.class);
        // Cursors are sealed for the filters: one of a list with other filters is refused.
        String filters = status.map(Enum::name).orElse("") + "/" + kind.map(Enum::name).orElse("");
        PageRequest page = PROPOSALS.request(parameters.get("after"), parameters.get("limit"), filters);
        String after = page.after().map(cursor -> cursor.text(0)).orElse("");
        return proposals.all().map(all -> {
            List<ProposalJson> fetched = new ArrayList<>();
            for (Proposal p : all) {
                if (fetched.size() < page.fetchSize() && p.id().value().compareTo(after) > 0 && ProposalAccess.sees(reader, p)
                        && status.map(s -> s == p.status()).orElse(true) && kind.map(k -> k == p.kind()).orElse(true)) {
                    fetched.add(ProposalJson.of(p));
                }
            }
            return Pages.of(fetched, page, item -> PROPOSALS.cursor(item.id()));
        });
    }

    @GET
    @Path("/{proposalId}")
    @Authenticated
    @Operation(operationId = "getProposal", summary = "One proposal of a four-eyes action", description = "As in the list; for the readers who see it.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The proposal")
    @APIResponse(responseCode = "400", description = "Not a proposal id (invalid_field), or a query parameter "
            + "(invalid_query_parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such proposal (proposal_not_found)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProposalJson> get(@RestPath String proposalId, @Context UriInfo uri) {
        Caller reader = reader();
        QueryParameters.of(uri, Set.of());
        ProposalId id = org.jcm.registry.api.Fields.parse("proposalId", proposalId, ProposalId::parse);
        return proposals.one(id).map(found -> {
            Proposal p = found.orElseThrow(() -> new ProblemException(404, Rejection.PROPOSAL_NOT_FOUND.code(),
                    "Proposal " + id.value() + " does not exist."));
            ProposalAccess.check(reader, p);
            return ProposalJson.of(p);
        });
    }

    private Caller reader() {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ProposalAccess.ROLES);
        return reader;
    }

    private static <E extends Enum<E>> Optional<E> optional(QueryParameters parameters, String name, Class<E> type) {
        String text = parameters.get(name);
        if (text == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return Optional.of(value);
            }
        }
        throw QueryParameters.invalid(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                + "; it was " + ClientText.quote(text) + ".");
    }
}
