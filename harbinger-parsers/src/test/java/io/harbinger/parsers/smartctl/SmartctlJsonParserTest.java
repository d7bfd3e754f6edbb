package io.harbinger.parsers.smartctl;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.harbinger.core.TestData;
import io.harbinger.schema.disk.SmartFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.harbinger.parsers.smartctl.DiskPoints.backfill;
import static io.harbinger.parsers.smartctl.DiskPoints.field;
import static io.harbinger.parsers.smartctl.DiskPoints.hasField;
import static io.harbinger.parsers.smartctl.DiskPoints.onlyPoint;
import static io.harbinger.parsers.smartctl.DiskPoints.onlyRejection;
import static io.harbinger.parsers.smartctl.DiskPoints.tag;
import static org.assertj.core.api.Assertions.assertThat;

class SmartctlJsonParserTest {
    private static final String DIR = "smartctl-json/";

    /** The outcome every real file must have: empty = accepted, else the rejection reason. */
    private static final Map<String, Optional<RejectReason>> OUTCOMES = new TreeMap<>(Map.ofEntries(
            Map.entry("smart-ata-date.json", Optional.empty()),
            Map.entry("smart-ata-date2.json", Optional.empty()),
            Map.entry("smart-ata-failed-scrutiny.json", Optional.empty()),
            Map.entry("smart-ata-full.json", Optional.empty()),
            Map.entry("smart-ata.json", Optional.empty()),
            Map.entry("smart-ata2.json", Optional.empty()),
            Map.entry("smart-fail.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smart-fail2.json", Optional.empty()),
            Map.entry("smart-megaraid0.json", Optional.empty()),
            Map.entry("smart-megaraid1.json", Optional.empty()),
            Map.entry("smart-nvme-failed.json", Optional.empty()),
            Map.entry("smart-nvme.json", Optional.empty()),
            Map.entry("smart-nvme2.json", Optional.empty()),
            Map.entry("smart-pass.json", Optional.of(RejectReason.MISSING_DRIVE)),
            Map.entry("smart-raid.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smart-sat.json", Optional.of(RejectReason.MISSING_DRIVE)),
            Map.entry("smart-scsi.json", Optional.empty()),
            Map.entry("smart-scsi2.json", Optional.empty()),
            Map.entry("smartctl_info_nvme.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smartctl_info_sata_smart_support_bool.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smartctl_info_sata_smart_support_object.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smartctl_scan_megaraid.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smartctl_scan_nvme.json", Optional.of(RejectReason.UNSUPPORTED)),
            Map.entry("smartctl_scan_simple.json", Optional.of(RejectReason.UNSUPPORTED))));

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(TestData.resolve(DIR + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParseResult parseFile(String name) {
        return SmartctlJsonParser.parse(read(name), backfill());
    }

    private static ParseResult parse(String json) {
        return SmartctlJsonParser.parse(json.getBytes(StandardCharsets.UTF_8), backfill());
    }

    static Stream<String> files() {
        return OUTCOMES.keySet().stream();
    }

    @Test
    void everyFileInTheDataDirectoryHasAnExpectedOutcome() throws IOException {
        Set<String> present;
        try (Stream<Path> list = Files.list(TestData.resolve(DIR))) {
            present = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(present).isEqualTo(OUTCOMES.keySet());
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyRealFile_parses_toItsExpectedOutcome(String name) {
        ParseResult result = parseFile(name);
        Optional<RejectReason> expected = OUTCOMES.get(name);
        if (expected.isEmpty()) {
            Point point = onlyPoint(result);
            assertThat(point.measurement()).isEqualTo("smart");
            assertThat(point.host()).isEqualTo("node-1");
            assertThat(point.region()).isEqualTo("eu-west");
            assertThat(point.drive()).isNotBlank();
        } else {
            onlyRejection(result, expected.get());
        }
    }

    @Test
    void ataReport_becomesOnePointWithAttributesStatusAndIdentity() {
        Point p = onlyPoint(parseFile("smart-ata.json"));
        assertThat(p.drive()).isEqualTo("9RK1XXXX");
        assertThat(tag(p, "model")).isEqualTo("WDC WD140EDFZ-11A0VA0");
        assertThat(tag(p, "protocol")).isEqualTo("ATA");
        assertThat(tag(p, "device_type")).isEqualTo("sat");
        assertThat(tag(p, "firmware_version")).isEqualTo("81.00A81");
        assertThat(p.timestampNanos()).isEqualTo(1_637_039_918_000_000_000L);
        assertThat(field(p, "smart_5_raw")).isEqualTo(0);
        assertThat(field(p, "smart_5_normalized")).isEqualTo(100);
        assertThat(field(p, "smart_9_raw")).isEqualTo(1730);
        assertThat(field(p, "smart_193_raw")).isEqualTo(329);
        assertThat(field(p, "temperature_c")).isEqualTo(32);
        assertThat(field(p, "power_on_hours")).isEqualTo(1730);
        assertThat(field(p, "power_cycle_count")).isEqualTo(9);
        assertThat(field(p, "smart_status_passed")).isEqualTo(1);
        assertThat(field(p, "capacity_bytes")).isEqualTo(14_000_519_643_136d);
        assertThat(p.fields().stream().filter(f -> f.name().startsWith("smart_") && !f.name().equals("smart_status_passed"))).hasSize(2 * 18);
    }

    @Test
    void packedRawValue_isRecordedAsSmartctlPrintsIt_likeBackblaze() {
        Point ata = onlyPoint(parseFile("smart-ata.json"));
        assertThat(field(ata, "smart_194_raw")).as("'32 (Min/Max 24/38)', raw.value 163210330144").isEqualTo(32);
        assertThat(field(ata, "smart_194_normalized")).isEqualTo(51);
        assertThat(field(ata, "smart_3_raw")).as("'380 (Average 380)'").isEqualTo(380);
    }

    @Test
    void secondDateOfTheSameDrive_carriesItsOwnReadings() {
        Point first = onlyPoint(parseFile("smart-ata-date.json"));
        Point second = onlyPoint(parseFile("smart-ata-date2.json"));
        assertThat(second.drive()).isEqualTo(first.drive()).isEqualTo("9RK1XXXX");
        assertThat(field(first, "temperature_c")).isEqualTo(32);
        assertThat(field(second, "temperature_c")).isEqualTo(62);
        assertThat(field(second, "power_on_hours")).isEqualTo(3030);
        // Scrutiny edited raw.value (10) but not raw.string ("0") in this fixture: a plain number is taken from raw.value.
        assertThat(field(second, "smart_5_raw")).isEqualTo(10);
        assertThat(field(second, "smart_5_normalized")).isEqualTo(90);
    }

    @Test
    void failingAtaDrive_hasSmartStatusPassedZeroAndItsReallocations() {
        Point p = onlyPoint(parseFile("smart-fail2.json"));
        assertThat(p.drive()).isEqualTo("MSK423Y20S3HBC");
        assertThat(tag(p, "device_type")).isEqualTo("usbjmicron");
        assertThat(field(p, "smart_status_passed")).isEqualTo(0);
        assertThat(field(p, "smart_5_raw")).isEqualTo(1975);
        assertThat(field(p, "smart_5_normalized")).isEqualTo(1);
        assertThat(field(p, "smart_197_raw")).isEqualTo(8);
        assertThat(field(p, "smart_194_raw")).isEqualTo(25);
        assertThat(field(p, "power_on_hours")).isEqualTo(65592);
    }

    @Test
    void ssdReports_carryTheirLbaCounters() {
        Point samsung840 = onlyPoint(parseFile("smart-ata-failed-scrutiny.json"));
        assertThat(samsung840.drive()).isEqualTo("S14LNEACC02756X");
        assertThat(samsung840.timestampNanos()).isEqualTo(1_652_219_998_000_000_000L);
        assertThat(field(samsung840, "smart_status_passed")).isEqualTo(1);
        assertThat(field(samsung840, "smart_241_raw")).isEqualTo(10_935_822_505d);
        assertThat(field(samsung840, "smart_177_raw")).isEqualTo(14);

        Point samsung860 = onlyPoint(parseFile("smart-ata-full.json"));
        assertThat(samsung860.drive()).isEqualTo("S3YZNB0KB00864E");
        assertThat(field(samsung860, "smart_241_raw")).isEqualTo(64_777_770_148d);
        assertThat(field(samsung860, "temperature_c")).isEqualTo(36);

        Point samsung850 = onlyPoint(parseFile("smart-ata2.json"));
        assertThat(samsung850.drive()).isEqualTo("S24ZN902000L");
        assertThat(tag(samsung850, "device_type")).isEqualTo("ata");
        assertThat(field(samsung850, "power_on_hours")).isEqualTo(846);
    }

    @Test
    void megaraidMembers_areToldApartByDeviceType() {
        Point disk0 = onlyPoint(parseFile("smart-megaraid0.json"));
        Point disk1 = onlyPoint(parseFile("smart-megaraid1.json"));
        assertThat(tag(disk0, "device_type")).isEqualTo("sat+megaraid,0");
        assertThat(tag(disk1, "device_type")).isEqualTo("sat+megaraid,1");
        assertThat(field(disk0, "smart_5_raw")).isEqualTo(0);
        assertThat(field(disk1, "smart_5_raw")).isEqualTo(387);
        assertThat(field(disk1, "smart_242_raw")).isEqualTo(72_684_827_907d);
        assertThat(field(disk1, "smart_194_raw")).isEqualTo(36);
    }

    @Test
    void nvmeReport_mapsEveryHealthLogNumber() {
        Point p = onlyPoint(parseFile("smart-nvme.json"));
        assertThat(p.drive()).isEqualTo("BTNH93710FS91P0B");
        assertThat(tag(p, "protocol")).isEqualTo("NVMe");
        assertThat(field(p, "nvme_percentage_used")).isEqualTo(0);
        assertThat(field(p, "nvme_available_spare")).isEqualTo(100);
        assertThat(field(p, "nvme_unsafe_shutdowns")).isEqualTo(43);
        assertThat(field(p, "nvme_data_units_written")).isEqualTo(7_773_431);
        assertThat(field(p, "nvme_critical_comp_time")).isEqualTo(0);
        assertThat(field(p, "temperature_c")).isEqualTo(36);
        assertThat(field(p, "capacity_bytes")).isEqualTo(1_024_209_543_168d);
        assertThat(p.fields()).noneMatch(f -> f.name().matches("smart_\\d+_.*"));
    }

    @Test
    void nvmeWithMediaErrors_keepsThemAndTheSensorArray() {
        Point p = onlyPoint(parseFile("smart-nvme-failed.json"));
        assertThat(p.drive()).isEqualTo("S466NX0M776250H");
        assertThat(field(p, "smart_status_passed")).as("the controller still reports passed").isEqualTo(1);
        assertThat(field(p, "nvme_media_errors")).isEqualTo(7);
        assertThat(field(p, "nvme_num_err_log_entries")).isEqualTo(62);
        assertThat(field(p, "nvme_percentage_used")).isEqualTo(3);
        assertThat(field(p, "nvme_temperature_sensors_1")).isEqualTo(35);
        assertThat(field(p, "nvme_temperature_sensors_2")).isEqualTo(39);

        Point corsair = onlyPoint(parseFile("smart-nvme2.json"));
        assertThat(corsair.drive()).isEqualTo("yes");
        assertThat(field(corsair, "nvme_num_err_log_entries")).isEqualTo(8382);
        assertThat(field(corsair, "nvme_percentage_used")).isEqualTo(1);
    }

    @Test
    void scsiReport_hasGrownDefectsAndErrorCounters() {
        Point p = onlyPoint(parseFile("smart-scsi.json"));
        assertThat(p.drive()).isEqualTo("Z1Z5DWJK0000XXXXXXXX");
        assertThat(tag(p, "model")).isEqualTo("SEAGATE ST4000NM0043");
        assertThat(tag(p, "protocol")).isEqualTo("SCSI");
        assertThat(p.tags()).noneMatch(t -> t.key().equals("firmware_version"));
        assertThat(field(p, "scsi_grown_defect_list")).isEqualTo(56);
        assertThat(field(p, "scsi_read_corrected_errors")).isEqualTo(300_357_663);
        assertThat(field(p, "scsi_read_uncorrected_errors")).isEqualTo(0);
        assertThat(field(p, "scsi_write_uncorrected_errors")).isEqualTo(0);
        assertThat(field(p, "scsi_read_gigabytes_processed")).isEqualTo(176_987.332);
        assertThat(hasField(p, "scsi_verify_uncorrected_errors")).isFalse();
        assertThat(field(p, "temperature_c")).isEqualTo(34);
        assertThat(field(p, "power_on_hours")).isEqualTo(43549);

        Point other = onlyPoint(parseFile("smart-scsi2.json"));
        assertThat(field(other, "scsi_grown_defect_list")).isEqualTo(0);
        assertThat(field(other, "scsi_read_corrected_errors")).isEqualTo(1_410_362_924);
        assertThat(field(other, "scsi_write_gigabytes_processed")).isEqualTo(806.827);
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyAcceptedRealReport_saysItsDeviceKindAndModel(String name) {
        if (OUTCOMES.get(name).isPresent()) return;
        Point p = onlyPoint(parseFile(name));
        assertThat(tag(p, SmartFields.TAG_PROTOCOL)).isIn("ATA", "NVMe", "SCSI");
        assertThat(tag(p, SmartFields.TAG_MODEL)).isNotBlank();
    }

    @Test
    void nvmeReports_carryTheHealthLogTheAssessmentReads_underTheSharedNames() {
        Point failed = onlyPoint(parseFile("smart-nvme-failed.json"));
        assertThat(field(failed, SmartFields.NVME_CRITICAL_WARNING)).isEqualTo(0);
        assertThat(field(failed, SmartFields.NVME_AVAILABLE_SPARE)).isEqualTo(99);
        assertThat(field(failed, SmartFields.NVME_AVAILABLE_SPARE_THRESHOLD)).isEqualTo(10);
        assertThat(field(failed, SmartFields.NVME_PERCENTAGE_USED)).isEqualTo(3);
        assertThat(field(failed, SmartFields.NVME_MEDIA_ERRORS)).isEqualTo(7);
        assertThat(field(failed, SmartFields.NVME_NUM_ERR_LOG_ENTRIES)).isEqualTo(62);
        Point corsair = onlyPoint(parseFile("smart-nvme2.json"));
        assertThat(field(corsair, SmartFields.NVME_AVAILABLE_SPARE_THRESHOLD)).isEqualTo(5);
        assertThat(field(corsair, SmartFields.NVME_MEDIA_ERRORS)).isEqualTo(0);
    }

    @Test
    void scsiReports_carryGrownDefectsAndUncorrectedErrors_underTheSharedNames() {
        Point p = onlyPoint(parseFile("smart-scsi.json"));
        assertThat(field(p, SmartFields.SCSI_GROWN_DEFECT_LIST)).isEqualTo(56);
        assertThat(field(p, SmartFields.SCSI_READ_UNCORRECTED_ERRORS)).isEqualTo(0);
        assertThat(field(p, SmartFields.SCSI_WRITE_UNCORRECTED_ERRORS)).isEqualTo(0);
        Point verify = onlyPoint(parse("""
                {"serial_number": "S1", "device": {"protocol": "SCSI"}, "scsi_grown_defect_list": 3,
                 "scsi_error_counter_log": {"verify": {"total_uncorrected_errors": 2}}}"""));
        assertThat(field(verify, SmartFields.SCSI_VERIFY_UNCORRECTED_ERRORS)).isEqualTo(2);
        assertThat(field(verify, SmartFields.SCSI_GROWN_DEFECT_LIST)).isEqualTo(3);
    }

    @Test
    void scanOutput_isUnsupported_andSaysToSendEachDevice() {
        Rejection r = onlyRejection(parseFile("smartctl_scan_megaraid.json"), RejectReason.UNSUPPORTED);
        assertThat(r.detail()).contains("smartctl --scan", "/dev/bus/0 -d megaraid,0", "smartctl --json -x <device>");
        assertThat(onlyRejection(parseFile("smartctl_scan_simple.json"), RejectReason.UNSUPPORTED).detail())
                .contains("/dev/sda -d scsi", "...");
    }

    @Test
    void infoOutput_isUnsupported_andSaysSmartReadingsAreMissing() {
        Rejection nvme = onlyRejection(parseFile("smartctl_info_nvme.json"), RejectReason.UNSUPPORTED);
        assertThat(nvme.detail()).contains("/dev/nvme4", "61Q0A05UT7B8", "no SMART readings", "`smartctl --info --json /dev/nvme4`", "as `smartctl --info` does",
                "smartctl --json -x <device>");
        assertThat(onlyRejection(parseFile("smartctl_info_sata_smart_support_bool.json"), RejectReason.UNSUPPORTED).detail())
                .contains("/dev/sata1", "no SMART readings");
    }

    @Test
    void raidVolumeWithoutReadings_isUnsupported_andPointsAtTheMemberDisks() {
        Rejection r = onlyRejection(parseFile("smart-raid.json"), RejectReason.UNSUPPORTED);
        assertThat(r.detail()).contains("Volume1", "exit status 4: a SMART or ATA command to the disk failed", "-d megaraid,N");
    }

    @Test
    void smartctlErrorReport_isUnsupported_andQuotesTheError() {
        Rejection r = onlyRejection(parseFile("smart-fail.json"), RejectReason.UNSUPPORTED);
        assertThat(r.detail()).contains("Smartctl open device: /dev/sda failed", "exit status 2: the device could not be opened");
    }

    @Test
    void healthOrAttributesOnlyReports_lackTheSerial_andAreMissingDrive() {
        assertThat(onlyRejection(parseFile("smart-pass.json"), RejectReason.MISSING_DRIVE).detail())
                .contains("/dev/sdc", "no serial_number", "smartctl --json -x <device>");
        assertThat(onlyRejection(parseFile("smart-sat.json"), RejectReason.MISSING_DRIVE).detail()).contains("no serial_number");
    }

    @Test
    void requestWithoutHost_isMissingHost() {
        ParseResult result = SmartctlJsonParser.parse(read("smart-ata.json"), backfill().withDefaultHost(""));
        assertThat(onlyRejection(result, RejectReason.MISSING_HOST).detail()).contains("?host=");
    }

    @Test
    void reportOlderThanTheLiveWindow_isTooOld() {
        ParseResult result = SmartctlJsonParser.parse(read("smart-ata.json"),
                new ParseContext("eu-west", "node-1", DiskPoints.nanos(DiskPoints.NOW), TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS));
        onlyRejection(result, RejectReason.TIMESTAMP_TOO_OLD);
    }

    @Test
    void reportWithoutLocalTime_isStampedNow() {
        Point p = onlyPoint(parse("""
                {"device": {"name": "/dev/sda", "protocol": "ATA"}, "serial_number": "S1", "smart_status": {"passed": true}}"""));
        assertThat(p.timestampNanos()).isEqualTo(DiskPoints.nanos(DiskPoints.NOW));
        assertThat(p.fields()).hasSize(1);
    }

    @Test
    void newerScsiReport_takesModelFromVendorAndProduct() {
        Point p = onlyPoint(parse("""
                {"device": {"protocol": "SCSI"}, "scsi_vendor": "HGST", "scsi_product": "HUH721212AL5200",
                 "serial_number": "S2", "scsi_grown_defect_list": 3}"""));
        assertThat(tag(p, "model")).isEqualTo("HGST HUH721212AL5200");
        assertThat(field(p, "scsi_grown_defect_list")).isEqualTo(3);
    }

    @Test
    void hexPrintedRaw_fallsBackToRawValue() {
        Point p = onlyPoint(parse("""
                {"serial_number": "S3", "ata_smart_attributes": {"table": [
                  {"id": 188, "value": 100, "raw": {"value": 4295032833, "string": "0x000100010001"}}]}}"""));
        assertThat(field(p, "smart_188_raw")).isEqualTo(4_295_032_833d);
    }

    @Test
    void rawWithoutPrintedString_isUnpackedForTemperature() {
        Point p = onlyPoint(parse("""
                {"serial_number": "S4", "ata_smart_attributes": {"table": [{"id": 194, "value": 51, "raw": {"value": 163210330144}}]}}"""));
        assertThat(field(p, "smart_194_raw")).isEqualTo(32);
    }

    @Test
    void wrongTypeForAKnownMember_isMalformed_namingItsPath() {
        Rejection r = onlyRejection(parse("""
                {"serial_number": "S5", "smart_status": {"passed": true}, "temperature": {"current": "hot"}}"""), RejectReason.MALFORMED);
        assertThat(r.detail()).isEqualTo("temperature.current is a string, expected a number");
        assertThat(onlyRejection(parse("""
                {"serial_number": "S5", "smart_status": {"passed": "yes"}}"""), RejectReason.MALFORMED).detail()).contains("smart_status.passed");
        assertThat(onlyRejection(parse("""
                {"serial_number": "S5", "smart_status": {"passed": true}, "local_time": {"time_t": "yesterday"}}"""), RejectReason.MALFORMED).detail())
                .contains("local_time.time_t");
        assertThat(onlyRejection(parse("""
                {"serial_number": 42, "smart_status": {"passed": true}}"""), RejectReason.MALFORMED).detail()).contains("serial_number is a number");
    }

    @Test
    void attributeIdOutsideAtaRange_isMalformed() {
        Rejection r = onlyRejection(parse("""
                {"serial_number": "S6", "ata_smart_attributes": {"table": [{"id": 5, "value": 1, "raw": {"value": 0}}, {"id": 300, "value": 1}]}}"""),
                RejectReason.MALFORMED);
        assertThat(r.detail()).isEqualTo("ata_smart_attributes.table[1].id is 300, expected an attribute id 1..255");
    }

    @Test
    void invalidJson_isMalformed_withJacksonsLineAndColumn() {
        Rejection r = onlyRejection(parse("{\n  \"serial_number\": \"S7\",\n  oops\n}"), RejectReason.MALFORMED);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.detail()).startsWith("invalid JSON at line 3, column ");
    }

    @Test
    void trailingContentOrDuplicateKeys_areMalformed() {
        onlyRejection(parse("{\"serial_number\": \"S8\", \"smart_status\": {\"passed\": true}} {}"), RejectReason.MALFORMED);
        assertThat(onlyRejection(parse("{\"serial_number\": \"A\", \"serial_number\": \"B\"}"), RejectReason.MALFORMED).detail())
                .contains("serial_number");
    }

    @Test
    void emptyInput_isMalformed_andArraysOrScalarsAreUnsupported() {
        assertThat(onlyRejection(parse(""), RejectReason.MALFORMED).detail()).contains("empty document");
        assertThat(onlyRejection(parse("[{}, {}]"), RejectReason.UNSUPPORTED).detail()).contains("got an array");
        onlyRejection(parse("42"), RejectReason.UNSUPPORTED);
        assertThat(onlyRejection(parse("{\"hello\": 1}"), RejectReason.UNSUPPORTED).detail()).contains("not a smartctl device report");
    }

    @Test
    void deepNestingOrHugeNumbers_areMalformed_notACrash() {
        assertThat(onlyRejection(parse("{\"serial_number\": " + "[".repeat(100_000)), RejectReason.MALFORMED).detail()).contains("nesting");
        assertThat(onlyRejection(parse("{\"serial_number\": \"S\", \"power_cycle_count\": " + "9".repeat(5_000) + "}"),
                RejectReason.MALFORMED).detail()).contains("Number value length");
    }

    @Test
    void invalidUtf8_isRejectedAsSuch_beforeJsonSyntax() {
        byte[] bytes = "{\"serial_number\": \"S9\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        Rejection r = onlyRejection(SmartctlJsonParser.parse(bytes, backfill()), RejectReason.INVALID_UTF8);
        assertThat(r.detail()).contains("byte offset 21", "0xFF");
    }
}
