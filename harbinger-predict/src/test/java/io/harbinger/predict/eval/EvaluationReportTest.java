package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {
    private final Evaluation e = Evaluation.of(Drives.smallFleet(), 10, 0.5);
    private final ReportContext ctx = new ReportContext("Harbinger model evaluation", "xgb-2024-07-01", "Backblaze drive stats, test split",
            day(0), day(29), "3 failed and 5 healthy drives", List.of("threshold chosen for a 1% false-alarm rate on validation"));

    @Test
    void markdown_states_the_header_facts() {
        assertThat(EvaluationReport.markdown(e, ctx))
                .startsWith("# Harbinger model evaluation\n")
                .contains("| Model version | xgb-2024-07-01 |", "| Data | Backblaze drive stats, test split |",
                        "| Evaluation period | 2024-01-01 to 2024-01-30 (30 days) |", "| Drives | 3 failed and 5 healthy drives |",
                        "| Horizon | 10 days |", "| Model threshold | 0.5000 (chosen on validation data) |")
                .doesNotContain("Warning");
    }

    @Test
    void markdown_compares_model_and_both_rules_figure_by_figure_with_intervals() {
        Intervals ci = Bootstrap.intervals(e);
        assertThat(EvaluationReport.markdown(e, ctx)).contains(
                "| figure | model | SMART rule | delta rule |",
                "| drives | 8 | 8 | 8 |", "| failed | 3 | 3 | 3 |", "| healthy | 5 | 5 | 5 |", "| recalled | 2 | 2 | 2 |",
                "| false alarms | 2 | 3 | 1 |", "| early only | 1 | 0 | 0 |",
                "| recall | 0.6667 " + interval(ci.model().recall(), 4) + " | 0.6667 " + interval(ci.rule().recall(), 4) + " | 0.6667 " + interval(ci.deltaRule().recall(), 4) + " |",
                "| false-alarm rate | 0.4000 " + interval(ci.model().falseAlarmRate(), 4) + " | 0.6000 " + interval(ci.rule().falseAlarmRate(), 4)
                        + " | 0.2000 " + interval(ci.deltaRule().falseAlarmRate(), 4) + " |",
                "| median lead time (days) | 10.0 [7.0, 13.0] | 9.0 [1.0, 17.0] | 3.0 [2.0, 4.0] |");
    }

    @Test
    void markdown_gives_the_model_at_each_baselines_false_alarm_rate_and_the_gain_over_the_delta_rule() {
        Intervals ci = Bootstrap.intervals(e);
        assertThat(EvaluationReport.markdown(e, ctx)).contains(
                "| delta rule (0.2000) | 1 | 0.6667 " + interval(ci.deltaRule().recall(), 4) + " | 0.5500 | 1 | 0.6667 " + interval(ci.modelRecallAtDeltaFalseAlarmRate(), 4) + " |",
                "| SMART rule (0.6000) | 3 | 0.6667 " + interval(ci.rule().recall(), 4) + " | 0.3000 | 3 | 1.0000 " + interval(ci.modelRecallAtRuleFalseAlarmRate(), 4) + " |",
                "at the delta rule's false-alarm rate: 0.0000 " + interval(ci.recallGainOverDeltaRule(), 4));
    }

    @Test
    void markdown_gives_prAuc_and_the_model_false_alarm_rate_at_the_rule_recall_with_the_ratio() {
        assertThat(EvaluationReport.markdown(e, ctx)).contains(
                "PR-AUC (average precision, drive level): 0.7222",
                "at the SMART rule's recall (0.6667): 0.2000 at threshold 0.5500; the rule's false-alarm rate is 0.6000, ratio model / rule 0.33");
    }

    @Test
    void markdown_has_the_lead_time_statistics_and_histogram_of_all_three() {
        assertThat(EvaluationReport.markdown(e, ctx)).contains(
                "| recalled drives | 2 | 2 | 2 |", "| p10 | 7.6 | 2.6 | 2.2 |", "| p90 | 12.4 | 15.4 | 3.8 |",
                "| 1 | 0 | 1 | 0 |", "| 2 | 0 | 0 | 1 |", "| 7 | 1 | 0 | 0 |", "| 10-29 | 1 | 1 | 0 |", "| >=30 | 0 | 0 | 0 |");
    }

    @Test
    void markdown_has_the_reliability_calibration_and_ceiling_tables() {
        // smallFleet: every day good, days 0..29; healthy drives' 42-day windows all run past day 29
        assertThat(EvaluationReport.markdown(e, ctx)).contains(
                "| bad | 14 | 0 | 0 | 0 | 0 | n/a | 0 | n/a |",
                "| good | 42 | 200 | 8 | ",
                "| [0.2, 1] | 130 | ",
                "| 10 | 3 | 2 | 2 | 2 | 1 | 0.3333 | 0 |",
                "- Model recall 0.6667 against 0.6667, the share of failed drives with any counter signal");
    }

    @Test
    void markdown_of_findings_states_its_resamples_seed_and_bucket_windows() {
        Findings f = Findings.of(e, 50, 3, 7, 21);
        assertThat(EvaluationReport.markdown(f, ctx)).contains("| Intervals | 95%, bootstrap over drives, 50 resamples, seed 3 |",
                "| bad | 7 | ", "| warning | 21 | ", "W = 7 for bad, 21 for warning, good and unknown, 10 (the horizon) for calibration");
    }

    private static String interval(Interval i, int decimals) {
        return "[" + Format.fixed(i.lo(), decimals) + ", " + Format.fixed(i.hi(), decimals) + "]";
    }

    @Test
    void markdown_has_definitions_and_notes() {
        assertThat(EvaluationReport.markdown(e, ctx)).contains("## Definitions", "0 <= F - d < 10", "**Early only**",
                "**SMART rule**: flags a drive on a day when any counter is > 0", "**Delta rule**: flags a drive on a day when any counter grew within the last 7 days",
                "raw SMART 5 (reallocated sectors), 187 (reported uncorrectable), 188 (command timeout), 197 (pending sectors), 198 (offline uncorrectable)",
                "## Notes\n\n- threshold chosen for a 1% false-alarm rate on validation\n");
    }

    @Test
    void markdown_formats_numbers_the_same_in_any_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(EvaluationReport.markdown(e, ctx)).contains("| recall | 0.6667 [", "| [0.001, 0.01) |").doesNotContain("0,6667", "0,001");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void markdown_escapes_table_breaking_text_and_html() {
        ReportContext nasty = new ReportContext("A\nB <script>", "v|1", "d", day(0), day(29), "x", List.of());
        assertThat(EvaluationReport.markdown(e, nasty)).startsWith("# A B &lt;script>\n").contains("| Model version | v\\|1 |").doesNotContain("## Notes");
    }

    @Test
    void markdown_warns_when_scored_days_fall_outside_the_stated_period() {
        ReportContext narrow = new ReportContext("t", "v", "d", day(1), day(29), "x", List.of());
        assertThat(EvaluationReport.markdown(e, narrow)).contains("**Warning:** scored days fall outside the stated evaluation period.");
    }

    @Test
    void markdown_says_n_a_for_undefined_figures_and_when_the_rule_recalls_nothing() {
        Evaluation healthyOnly = Evaluation.of(List.of(Drives.drive("h").days(0, 3, 0.1).build()), 10, 0.5);
        assertThat(EvaluationReport.markdown(healthyOnly, ctx)).contains("| recall | n/a | n/a | n/a |", "PR-AUC (average precision, drive level): n/a",
                "above every score (the rule recalls no failed drive)", "ratio model / rule n/a");
    }

    @Test
    void reportContext_rejects_a_period_ending_before_it_starts_and_a_blank_title() {
        assertThatThrownBy(() -> new ReportContext("t", "v", "d", day(2), day(1), "x", List.of())).hasMessage("to must not be before from, was 2024-01-03 to 2024-01-02");
        assertThatThrownBy(() -> new ReportContext(" ", "v", "d", day(1), day(2), "x", List.of())).hasMessage("title must be non-blank");
    }
}
