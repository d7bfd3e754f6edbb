package io.harbinger.predict.health;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.disk.SmartFields;
import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Prediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.harbinger.predict.health.SmartctlFixtures.later;
import static io.harbinger.predict.health.SmartctlFixtures.point;
import static org.assertj.core.api.Assertions.assertThat;

/** The health assessments on the real smartctl reports of the data set, and on small made-up samples. */
class HealthCheckTest {
    private static final Families SHIPPED = Families.SHIPPED;

    private static HealthCheck.Outcome assess(Point p, HealthMemory previous) {
        return HealthCheck.assess(HealthReading.of(p).orElseThrow(), previous, SHIPPED, 14);
    }

    private static HealthCheck.Outcome assess(Point p) {
        return assess(p, HealthMemory.EMPTY);
    }

    @Test
    void theFailedNvme_onItsOwnReading_isAWarning_forItsMediaErrors() {
        HealthCheck.Outcome out = assess(point("smart-nvme-failed.json"));

        assertThat(out.assessment().assessor()).isEqualTo(Assessor.NVME_HEALTH_LOG);
        assertThat(out.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(out.assessment().reasons()).containsExactly("media and data integrity errors at 7");
        assertThat(out.raisesAlert()).isFalse();
    }

    @Test
    void theFailedNvme_whoseMediaErrorsGrowByTheNextDay_isBad_andRaisesOneAlert() {
        Point failed = point("smart-nvme-failed.json");
        HealthMemory afterFirst = assess(failed).memory();

        HealthCheck.Outcome grown = assess(later(failed, 1, SmartFields.NVME_MEDIA_ERRORS, 9), afterFirst);
        HealthCheck.Outcome again = assess(later(failed, 2, SmartFields.NVME_MEDIA_ERRORS, 12), grown.memory());

        assertThat(grown.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(grown.assessment().reasons()).containsExactly("media and data integrity errors 7 -> 9 in 1 day");
        assertThat(grown.raisesAlert()).isTrue();
        assertThat(again.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(again.assessment().reasons()).as("one run of rises, told from its start").containsExactly("media and data integrity errors 7 -> 12 in 2 days");
        assertThat(again.raisesAlert()).as("the same episode").isFalse();
    }

    @Test
    void theHealthyNvmes_areGood_sayingWhatTheirLogShows() {
        HealthCheck.Outcome intel = assess(point("smart-nvme.json"));
        HealthCheck.Outcome corsair = assess(point("smart-nvme2.json"));

        assertThat(intel.assessment().bucket()).isEqualTo(Bucket.GOOD);
        assertThat(intel.assessment().reasons()).containsExactly("NVMe health log: no critical warning, available spare 100% (threshold 10%), "
                + "endurance used 0%, no media and data integrity errors, 0 error log entries");
        assertThat(corsair.assessment().bucket()).as("8382 error log entries are not judged").isEqualTo(Bucket.GOOD);
        assertThat(corsair.raisesAlert()).isFalse();
    }

    @Test
    void nvmeCriticalWarningBits_areNamed_andAllButTemperatureAreBad() {
        Point intel = point("smart-nvme.json");

        HealthCheck.Outcome reliability = assess(later(intel, 0, SmartFields.NVME_CRITICAL_WARNING, 0x04));
        HealthCheck.Outcome temperature = assess(later(intel, 0, SmartFields.NVME_CRITICAL_WARNING, 0x02));
        HealthCheck.Outcome several = assess(later(intel, 0, SmartFields.NVME_CRITICAL_WARNING, 0x19));

        assertThat(reliability.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(reliability.assessment().reasons()).containsExactly("NVMe critical warning 0x04: reliability degraded");
        assertThat(reliability.raisesAlert()).isTrue();
        assertThat(temperature.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(temperature.assessment().reasons()).containsExactly("NVMe critical warning 0x02: temperature outside its threshold");
        assertThat(several.assessment().reasons())
                .containsExactly("NVMe critical warning 0x19: available spare below threshold, media read-only, volatile memory backup failed");
    }

    @Test
    void nvmeSpareBelowItsThreshold_isBad_withinTwiceIt_aWarning_andWornEndurance_aWarning() {
        Point intel = point("smart-nvme.json");

        HealthCheck.Outcome below = assess(later(intel, 0, SmartFields.NVME_AVAILABLE_SPARE, 3));
        HealthCheck.Outcome near = assess(later(intel, 0, SmartFields.NVME_AVAILABLE_SPARE, 20));
        HealthCheck.Outcome above = assess(later(intel, 0, SmartFields.NVME_AVAILABLE_SPARE, 21));
        HealthCheck.Outcome worn = assess(later(intel, 0, SmartFields.NVME_PERCENTAGE_USED, 90));

        assertThat(below.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(below.assessment().reasons()).containsExactly("available spare 3% is below its threshold 10%");
        assertThat(near.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(near.assessment().reasons()).containsExactly("available spare 20% is within twice its threshold 10%");
        assertThat(above.assessment().bucket()).isEqualTo(Bucket.GOOD);
        assertThat(worn.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(worn.assessment().reasons()).containsExactly("endurance used 90% of the vendor's rating");
    }

    @Test
    void theScsiDrives_withGrownDefects_isAWarning_withoutThem_good_andNewDefectsAreBad() {
        Point withDefects = point("smart-scsi.json");
        HealthCheck.Outcome first = assess(withDefects);
        HealthCheck.Outcome clean = assess(point("smart-scsi2.json"));
        HealthCheck.Outcome grown = assess(later(withDefects, 1, SmartFields.SCSI_GROWN_DEFECT_LIST, 60), first.memory());

        assertThat(first.assessment().assessor()).isEqualTo(Assessor.SCSI_HEALTH_LOG);
        assertThat(first.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(first.assessment().reasons()).containsExactly("grown defect list at 56");
        assertThat(clean.assessment().bucket()).isEqualTo(Bucket.GOOD);
        assertThat(clean.assessment().reasons()).containsExactly("SCSI health: no grown defects, no uncorrected read errors, no uncorrected write errors");
        assertThat(grown.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(grown.assessment().reasons()).containsExactly("grown defect list 56 -> 60 in 1 day");
        assertThat(grown.raisesAlert()).isTrue();
    }

    @Test
    void scsiUncorrectedErrors_areAWarning_andBadWhenTheyGrow() {
        Point scsi = point("smart-scsi2.json");
        HealthCheck.Outcome some = assess(later(scsi, 0, SmartFields.SCSI_READ_UNCORRECTED_ERRORS, 2));
        HealthCheck.Outcome more = assess(later(scsi, 1, SmartFields.SCSI_READ_UNCORRECTED_ERRORS, 5), some.memory());

        assertThat(some.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(some.assessment().reasons()).containsExactly("uncorrected read errors at 2");
        assertThat(more.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(more.assessment().reasons()).containsExactly("uncorrected read errors 2 -> 5 in 1 day");
    }

    @Test
    void routing_theModelScoresAtaDrivesOfItsFamilies_andOfUnknownModel_notNvmeScsiOrOtherFamilies() {
        assertThat(modelScores(point("smart-nvme-failed.json"))).isFalse();
        assertThat(modelScores(point("smart-scsi.json"))).as("a SAS ST4000NM0043 is not an ST4000DM000").isFalse();
        assertThat(modelScores(point("smart-ata.json"))).as("WDC WD140EDFZ").isFalse();
        assertThat(modelScores(ata("ST4000DM000", 0))).isTrue();
        assertThat(modelScores(ata("ST4000DM000-1F2168", 0))).as("smartctl's model name").isTrue();
        assertThat(modelScores(ata("", 0))).as("no model named: the model scores it").isTrue();
    }

    @Test
    void anAtaDriveOfAnotherFamily_isJudgedByItsCounters_sayingTheModelDoesNotCoverIt() {
        HealthCheck.Outcome clean = assess(point("smart-ata.json"));
        HealthCheck.Outcome reallocated = assess(ata("WDC WD140EDFZ", 8));
        HealthCheck.Outcome grown = assess(later(ata("WDC WD140EDFZ", 8), 3, SmartFields.raw(5), 24), reallocated.memory());

        assertThat(clean.assessment().assessor()).isEqualTo(Assessor.SMART_COUNTERS);
        assertThat(clean.assessment().bucket()).isEqualTo(Bucket.GOOD);
        assertThat(clean.assessment().reasons()).as("the counters the report has").containsExactly("SMART 5, 197, 198 at 0",
                "drive model WDC WD140EDFZ-11A0VA0 is outside the failure model's families (ST4000DM000)");
        assertThat(reallocated.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(reallocated.assessment().reasons()).containsExactly("SMART 5 reallocated sectors at 8",
                "drive model WDC WD140EDFZ is outside the failure model's families (ST4000DM000)");
        assertThat(grown.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(grown.assessment().reasons()).startsWith("SMART 5 reallocated sectors 8 -> 24 in 3 days");
    }

    @Test
    void anOlderSample_isJudgedWithoutGrowth_andLeavesTheMemoryAlone() {
        Point scsi = point("smart-scsi.json");
        HealthMemory memory = assess(later(scsi, 5, SmartFields.SCSI_GROWN_DEFECT_LIST, 56)).memory();

        HealthCheck.Outcome older = assess(later(scsi, 1, SmartFields.SCSI_GROWN_DEFECT_LIST, 80), memory);

        assertThat(older.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(older.memory()).isEqualTo(memory);
    }

    @Test
    void aSampleWithoutAHealthLog_isUnknown() {
        Point bare = new Point("smart", "eu", "h1", "N1", List.of(new Tag(SmartFields.TAG_PROTOCOL, "NVMe")),
                List.of(new Field(SmartFields.TEMPERATURE_C, 40)), 0);

        assertThat(assess(bare).assessment().bucket()).isEqualTo(Bucket.UNKNOWN);
    }

    @Test
    void anAssessment_becomesAPredictionWithoutProbability_itsReasonsAsFacts() {
        Prediction p = assess(point("smart-nvme-failed.json")).assessment().toPrediction();

        assertThat(p.modelVersion()).isEqualTo("nvme-health-v1");
        assertThat(p.assessor()).isEqualTo(Assessor.NVME_HEALTH_LOG);
        assertThat(p.probability()).isZero();
        assertThat(p.topFeatures()).isEmpty();
        assertThat(p.facts()).containsExactly("media and data integrity errors at 7");
    }

    @Test
    void aRiseStaysBadForSevenDays_thenTheCounterIsAWarningAgain() {
        Point scsi = point("smart-scsi.json");
        HealthMemory m = assess(scsi).memory();
        HealthCheck.Outcome grown = assess(later(scsi, 1, SmartFields.SCSI_GROWN_DEFECT_LIST, 60), m);
        HealthCheck.Outcome sixDaysOn = assess(later(scsi, 7, SmartFields.SCSI_GROWN_DEFECT_LIST, 60), grown.memory());
        HealthCheck.Outcome sevenDaysOn = assess(later(scsi, 8, SmartFields.SCSI_GROWN_DEFECT_LIST, 60), sixDaysOn.memory());

        assertThat(sixDaysOn.assessment().bucket()).as("rose on a reading of its last 7 days").isEqualTo(Bucket.BAD);
        assertThat(sixDaysOn.assessment().reasons()).containsExactly("grown defect list 56 -> 60 in 7 days");
        assertThat(sixDaysOn.raisesAlert()).as("the same episode").isFalse();
        assertThat(sevenDaysOn.assessment().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(sevenDaysOn.assessment().reasons()).containsExactly("grown defect list at 60");
    }

    @Test
    void aFailedSelfAssessment_isBad_firstOfItsReasons_evenBeforeAnyGrowth() {
        HealthCheck.Outcome hitachi = assess(point("smart-fail2.json"));

        assertThat(hitachi.assessment().assessor()).isEqualTo(Assessor.SMART_COUNTERS);
        assertThat(hitachi.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(hitachi.assessment().reasons()).containsExactly("the drive's own SMART health self-assessment failed",
                "SMART 5 reallocated sectors at 1975", "SMART 197 current pending sectors at 8",
                "drive model Hitachi HDS721050DLE630 is outside the failure model's families (ST4000DM000)");
        assertThat(hitachi.raisesAlert()).isTrue();
        HealthCheck.Outcome nvme = assess(later(point("smart-nvme.json"), 0, SmartFields.SMART_STATUS_PASSED, 0));
        assertThat(nvme.assessment().bucket()).isEqualTo(Bucket.BAD);
        assertThat(nvme.assessment().reasons()).containsExactly("the drive's own SMART health self-assessment failed");
    }

    @Test
    void everyRealReportTheModelDoesNotScore_getsABucketWithAReason() {
        for (String name : List.of("smart-ata-date.json", "smart-ata-date2.json", "smart-ata-failed-scrutiny.json", "smart-ata-full.json",
                "smart-ata.json", "smart-ata2.json", "smart-fail2.json", "smart-megaraid0.json", "smart-megaraid1.json", "smart-nvme-failed.json",
                "smart-nvme.json", "smart-nvme2.json", "smart-scsi.json", "smart-scsi2.json")) {
            HealthReading r = HealthReading.of(point(name)).orElseThrow();
            assertThat(HealthCheck.modelScores(r, SHIPPED)).as(name).isFalse();
            Assessment a = HealthCheck.assess(r, HealthMemory.EMPTY, SHIPPED, 14).assessment();
            assertThat(a.bucket()).as(name).isNotEqualTo(Bucket.UNKNOWN);
            assertThat(a.reasons()).as(name).isNotEmpty().allSatisfy(reason -> assertThat(reason).isNotBlank());
        }
    }

    private static boolean modelScores(Point p) {
        return HealthCheck.modelScores(HealthReading.of(p).orElseThrow(), SHIPPED);
    }

    /** A Backblaze-like ATA sample: model tag only, SMART 5 at {@code reallocated}. */
    private static Point ata(String model, double reallocated) {
        List<Tag> tags = new ArrayList<>();
        if (!model.isEmpty()) tags.add(new Tag(SmartFields.TAG_MODEL, model));
        return new Point("smart", "eu", "h1", "A1", tags, List.of(new Field(SmartFields.raw(5), reallocated), new Field(SmartFields.raw(197), 0)),
                1_700_000_000_000_000_000L);
    }
}
