package org.jcm.registry.explorer;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The settings the public explorer page reads at start. The page itself is static
 * ({@code META-INF/resources/explorer/}); {@link SiteRoot} sends browsers to it.
 */
@Path("/api/v1/explorer")
@Tag(name = "Explorer", description = "The public registry explorer at /explorer/ (docs/explorer.md).")
public class ExplorerResource {

    /** Where the page is served. */
    public static final String PAGE = "/explorer/";
    /** The copy of docs/verify-ledger.py served next to the page. */
    static final String SERVED_VERIFIER = PAGE + "verifier/verify-ledger.py";

    private final ExplorerConfig config;

    ExplorerResource(ExplorerConfig config) {
        this.config = config;
    }

    /** The page's settings. */
    @GET
    @Path("/config")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getExplorerSettings", summary = "Settings of the public explorer page", description = "Public. Where the page finds "
            + "settlement's public feeds (null: no price charts) and the ledger verifier.")
    @APIResponse(responseCode = "200", description = "The settings")
    public Settings settings() {
        return new Settings(config.settlementUrl().map(ExplorerResource::withoutTrailingSlash).orElse(null),
                config.verifierUrl().orElse(SERVED_VERIFIER), PAGE + "verifier/hash-chain.md");
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** What the explorer page reads at start. */
    @Schema(name = "ExplorerSettings", description = "Settings of the public explorer page")
    public record Settings(
            @Schema(description = "Base URL of settlement's public API as a browser reaches it; null when not configured",
                    nullable = true, example = "http://localhost:8081") String settlementUrl,
            @Schema(description = "Where to get the independent ledger verifier (Python 3)",
                    example = "/explorer/verifier/verify-ledger.py") String verifierUrl,
            @Schema(description = "The hash chain's definition", example = "/explorer/verifier/hash-chain.md")
            String hashChainUrl) {
    }
}
