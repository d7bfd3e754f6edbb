package io.harbinger.store.rows;

/** The two COPY formats PostgreSQL reads from a client. */
public enum CopyFormat {
    /** Tab-separated text, {@code \N} for NULL, backslash escapes. */
    TEXT("text"),
    /** PostgreSQL's binary tuple format: no parsing of numbers and timestamps on the server. */
    BINARY("binary");

    private final String sqlName;

    CopyFormat(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }
}
