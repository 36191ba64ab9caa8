package org.jcm.support.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service (registry-api and settlement both get this bean) when its database role could rewrite history: a superuser, or the
 * owner of its tables (docs/security.md, "Database roles"). Runs before anything else at start.
 * {@code jcm.database.require-least-privilege=false} lets it start with a warning instead, for a
 * measurement that compares roles.
 */
@ApplicationScoped
public class LeastPrivilegeGuard {

    private static final Logger LOG = Logger.getLogger(LeastPrivilegeGuard.class);

    private final DataSource dataSource;
    private final boolean required;

    public LeastPrivilegeGuard(DataSource dataSource,
                        @ConfigProperty(name = "jcm.database.require-least-privilege", defaultValue = "true") boolean required) {
        this.dataSource = dataSource;
        this.required = required;
    }

    public void check(@Observes @Priority(1) StartupEvent event) throws SQLException {
        Optional<String> reason;
        try (Connection connection = dataSource.getConnection()) {
            reason = ConnectionPrivileges.tooPowerfulBecause(connection);
        }
        if (reason.isEmpty()) {
            return;
        }
        String message = "The service's database connection is too powerful: " + reason.get() + ". Connect as the "
                + "service role (docs/security.md, \"Database roles\").";
        if (required) {
            LOG.error(message + " Not starting (jcm.database.require-least-privilege is true).");
            throw new IllegalStateException(message);
        }
        LOG.warn(message + " Starting anyway: jcm.database.require-least-privilege is false.");
    }
}
