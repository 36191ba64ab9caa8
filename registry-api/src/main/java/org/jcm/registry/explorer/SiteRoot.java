package org.jcm.registry.explorer;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The site root: nothing else lives there, so it sends browsers to the public explorer page. */
@Path("/")
public class SiteRoot {

    @GET
    @PermitAll
    @Operation(operationId = "getSiteRoot", summary = "The site root: redirects to the explorer page", hidden = true)
    public Response root() {
        return Response.seeOther(URI.create(ExplorerResource.PAGE)).build();
    }
}
