package io.harbinger.store.load;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * What a failed write means, decided at the JDBC edge from the SQLState (the metric tag
 * {@code kind} of {@code harbinger.store.loader.errors}).
 */
enum ErrorKind {
    /** The server is unreachable, restarting, overloaded or chose us as a deadlock/serialization victim: retry later. */
    TRANSIENT,
    /** A row's day has no partition (dropped by retention since we last looked): ensure partitions again, retry. */
    PARTITION_MISSING,
    /** A row the server refuses (SQLState class 22 or 23): rows are written one by one and the refused ones skipped. */
    DATA,
    /** Anything else (missing table, permissions, ...): an operator must act; retried with back-off, nothing skipped. */
    CONFIGURATION;

    static ErrorKind of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) return TRANSIENT;
        if (state.isEmpty() || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("58") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                || state.equals("57014")) {
            return TRANSIENT; // no state: an I/O failure inside the driver
        }
        if (state.equals("23514") && String.valueOf(e.getMessage()).contains("no partition")) return PARTITION_MISSING;
        if (state.startsWith("22") || state.startsWith("23")) return DATA;
        return CONFIGURATION;
    }
}
