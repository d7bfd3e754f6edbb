package io.harbinger.store.query;

/** The SQL that {@link StoreQueries} runs, for QueryPlanIT (another package) to explain. */
public final class QueryTestAccess {
    public static final String DRIVE_HISTORY = StoreQueries.DRIVE_HISTORY;
    public static final String REGION_LATEST = StoreQueries.REGION_LATEST;
    public static final String REGION_TOP_RISK = StoreQueries.REGION_TOP_RISK;
    public static final String RISK_REGIONS = StoreQueries.RISK_REGIONS;
    public static final String LATEST_PREDICTION = StoreQueries.LATEST_PREDICTION;
    public static final String OPEN_ALERTS = StoreQueries.OPEN_ALERTS;

    private QueryTestAccess() {
    }
}
