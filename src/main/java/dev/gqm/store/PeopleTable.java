package dev.gqm.store;

import dev.gqm.collect.Signature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code people} table: each distinct (name, e-mail) once. A history of 80k commits has a
 * few thousand of them, so both directions are kept in memory while saving or loading.
 */
final class PeopleTable {
    private final Connection connection;
    private final Map<Signature, Long> ids = new HashMap<>();
    private PreparedStatement insert;

    private PeopleTable(Connection connection) {
        this.connection = connection;
    }

    /** Reads every known person; call inside the transaction that will add more. */
    static PeopleTable load(Connection connection) throws SQLException {
        PeopleTable table = new PeopleTable(connection);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name, email FROM people")) {
            while (rs.next()) {
                table.ids.put(new Signature(rs.getString(2), rs.getString(3)), rs.getLong(1));
            }
        }
        return table;
    }

    /** Every person by id, each {@link Signature} a single shared instance. */
    static Map<Long, Signature> byId(Connection connection) throws SQLException {
        Map<Long, Signature> people = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name, email FROM people")) {
            while (rs.next()) {
                people.put(rs.getLong(1), new Signature(rs.getString(2), rs.getString(3)));
            }
        }
        return people;
    }

    /** The id of {@code person}, inserting it when new. */
    long id(Signature person) throws SQLException {
        Long known = ids.get(person);
        if (known != null) {
            return known;
        }
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO people (name, email) VALUES (?, ?) RETURNING id");
        }
        insert.setString(1, person.name());
        insert.setString(2, person.email());
        try (ResultSet rs = insert.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no id returned for a new person");
            }
            long id = rs.getLong(1);
            ids.put(person, id);
            return id;
        }
    }

    void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }
}
