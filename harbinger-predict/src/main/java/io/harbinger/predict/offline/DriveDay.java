package io.harbinger.predict.offline;

/**
 * One drive on one day of a scan, with its features as of that day.
 *
 * @param features    {@link io.harbinger.predict.feature.Features#COUNT} values; a buffer the scan reuses:
 *                    copy what must outlive the callback
 * @param ruleFlag    the classic SMART rule fires (raw 5/187/188/197/198 above 0)
 * @param deltaFlag   the delta rule fires ({@link io.harbinger.predict.feature.Features#deltaRule})
 * @param family      the drive's model name (tag {@value FleetScan#FAMILY_TAG}), empty when the data has none
 * @param failure     the row says the drive failed that day (its last day)
 */
public record DriveDay(String drive, String family, long epochDay, float[] features, long historyDays, boolean ruleFlag, boolean deltaFlag, boolean failure) {
}
