package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.Problem;
import org.jcm.registry.query.BlockFilter;
import org.jcm.registry.query.BlockQueries;

/** The public list of live blocks, filtered by project, vintage, status, label and holding registry. */
@Path("/api/v1/blocks")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

    private static final Set<String> PARAMETERS = Set.of("projectId", "vintage", "status", "label", "registryId",
            "after", "limit");

    private final BlockQueries blocks;

    BlockResource(BlockQueries blocks) {
        this.blocks = blocks;
    }

    /** Live blocks matching every filter given, by host Party, vintage and first unit, paged. */
    @GET
    @PermitAll
    @Operation(operationId = "listBlocks", summary = "Live blocks, filtered by projectId, vintage, status, label and registryId (where held)",
            description = "Public; holders appear as registry and account type only. By host Party, vintage and first "
                    + "unit. " + ReadApiDoc.PAGED)
    @APIResponse(responseCode = "200", description = "One page of live blocks")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST + "; a filter value the ledger does not have (invalid_query_parameter, naming it)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<BlockView>> blocks(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, PARAMETERS);
        BlockFilter filter = new BlockFilter(
                filter(parameters, "projectId", text -> ProjectId.parse(text).value()),
                filter(parameters, "vintage", text -> Vintage.parse(text).year()),
                filter(parameters, "status", text -> oneOf(text, BlockStatus.class)),
                filter(parameters, "label", text -> oneOf(text, Label.class)),
                filter(parameters, "registryId", text -> RegistryId.parse(text).value()));
        // Cursors are sealed for this filter: one handed out for other filters is refused.
        PageRequest page = BlockQueries.BLOCKS.request(parameters.get("after"), parameters.get("limit"), scope(filter));
        return blocks.blocks(filter, page);
    }

    /** The filter as the scope of the list's cursors: every filter's checked value, in a fixed order. */
    static String scope(BlockFilter filter) {
        return String.join("|", filter.projectId().orElse(""), filter.vintage().map(String::valueOf).orElse(""),
                filter.status().map(Enum::name).orElse(""), filter.label().map(Enum::name).orElse(""),
                filter.registryId().orElse(""));
    }

    /** A filter's value checked by the ledger's own value type, or 400 naming the filter. */
    private static <T> Optional<T> filter(QueryParameters parameters, String name, Function<String, T> parse) {
        String text = parameters.get(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text));
        } catch (InvalidValueException e) {
            throw QueryParameters.invalid(name, name + " " + ClientText.quote(text) + " is invalid: " + e.reason() + ".");
        }
    }

    private static <E extends Enum<E>> E oneOf(String text, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw new InvalidValueException(type.getSimpleName(), text, "must be one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
}
