package dev.gqm.store;

import dev.gqm.collect.Signature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code people} table: each distinct (name, e-mail) once. A history of 80k commits has a
 * few thousand of them, so both directions are kept in memory while saving or loading.
 *
 * <p>New people are added a batch at a time ({@link #resolve}), in (name, e-mail) order. On
 * PostgreSQL they are written on a connection of their own that commits at once: runs collecting
 * other sources into the same store meet the same people, and a person row held until the end of
 * a long save, or two runs adding the same people in opposite orders, would make them wait for
 * each other or deadlock. A person added for a save that then fails is harmless.
 */
final class PeopleTable {
    private static final int ROWS_PER_INSERT = 500;
    private static final Comparator<Signature> ORDER = Comparator.comparing(Signature::name).thenComparing(Signature::email);

    private final Connection writer;
    private final Map<Signature, Long> ids = new HashMap<>();

    private PeopleTable(Connection writer) {
        this.writer = writer;
    }

    /**
     * Reads every known person from {@code reader}; new ones are written through {@code writer}
     * (the same connection inside the save's transaction, or one of their own, see above).
     */
    static PeopleTable load(Connection reader, Connection writer) throws SQLException {
        PeopleTable table = new PeopleTable(writer);
        try (Statement st = reader.createStatement();
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

    /** Gives every one of {@code people} an id, adding the new ones (another run may add them at the same time). */
    void resolve(Collection<Signature> people) throws SQLException {
        Set<Signature> fresh = new LinkedHashSet<>();
        for (Signature p : people) {
            if (!ids.containsKey(p)) {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<Signature> sorted = new ArrayList<>(fresh);
        sorted.sort(ORDER);
        for (int from = 0; from < sorted.size(); from += ROWS_PER_INSERT) {
            insert(sorted.subList(from, Math.min(sorted.size(), from + ROWS_PER_INSERT)));
        }
    }

    // the no-op update makes RETURNING give the id of a row that is there already
    private void insert(List<Signature> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO people (name, email) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        sql.append(" ON CONFLICT (name, email) DO UPDATE SET name = excluded.name RETURNING id, name, email");
        try (PreparedStatement st = writer.prepareStatement(sql.toString())) {
            int i = 1;
            for (Signature p : rows) {
                st.setString(i++, p.name());
                st.setString(i++, p.email());
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(new Signature(rs.getString(2), rs.getString(3)), rs.getLong(1));
                }
            }
        }
        for (Signature p : rows) {
            if (!ids.containsKey(p)) {
                throw new SQLException("no id returned for a new person");
            }
        }
    }

    /** The id of a person given to {@link #resolve} (or known before). */
    long id(Signature person) throws SQLException {
        Long known = ids.get(person);
        if (known == null) {
            throw new SQLException("a person was not resolved before use");
        }
        return known;
    }
}
