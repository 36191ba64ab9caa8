package org.jcm.embedded;

import java.util.Objects;

/**
 * Connection coordinates of one database on an embedded PostgreSQL server.
 *
 * @param port the TCP port the server listens on, on localhost
 * @param name the database name
 * @param user the role to connect as
 * @param password the password to send; the embedded server trusts local connections, so any
 *     password is accepted, but clients that insist on one can use this
 */
public record PostgresDatabase(int port, String name, String user, String password) {

    /** The host every embedded server listens on. */
    public static final String HOST = "localhost";

    /** Checks that every coordinate is present. */
    public PostgresDatabase {
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The JDBC URL, for example {@code jdbc:postgresql://localhost:5432/registry}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + name;
    }

    /** The URL the Vert.x reactive client expects, for example {@code postgresql://localhost:5432/registry}. */
    public String reactiveUrl() {
        return "postgresql://" + HOST + ":" + port + "/" + name;
    }
}
