package org.jcm.registry.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/** A test-only resource that exercises the problem mapping: JSON reading, security and failures. */
@Path("/test")
public class EchoResource {

    private final JsonWebToken token;

    EchoResource(JsonWebToken token) {
        this.token = token;
    }

    /** The purposes a retirement may have, to test unknown enum values. */
    public enum Purpose { NDC, OIMP, VOLUNTARY }

    /** A small request with a string, a quantity, an enum and a list. */
    public record EchoRequest(String memo, long quantity, Purpose purpose, List<Long> serials) {

        /** Rejects negative quantities, to test validation in a record constructor. */
        public EchoRequest {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative");
            }
        }
    }

    /** Echoes the request; public. */
    @POST
    @Path("/echo")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public EchoRequest echo(EchoRequest request) {
        return request;
    }

    /** Answers only registry administrators, with the token's registry claim. */
    @GET
    @Path("/admin")
    @RolesAllowed("registry-admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return token.getClaim("registry");
    }

    /** Throws a problem as a service would. */
    @GET
    @Path("/conflict")
    @PermitAll
    public String conflict() {
        throw new ProblemException(409, "insufficient_units", "Account A-1 holds 10 units of vintage 2024; 25 were asked for.",
                List.of(new FieldError("quantity", "At most 10.")));
    }

    /** Fails the way a bug would, with internals in the message. */
    @GET
    @Path("/bug")
    @PermitAll
    public String bug() {
        throw new IllegalStateException("connection to 10.0.0.7 refused; secret=hunter2");
    }
}
