package io.harbinger.predict.train;

import io.harbinger.predict.eval.Evaluation;
import io.harbinger.predict.model.AlarmPolicy;
import io.harbinger.predict.offline.BackblazeDays;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The lever study of docs/adr/0011 (a tool, not a test; {@code scripts/lever-study.sh} runs it): reads
 * the data once, then trains and judges each variant of the training parameters through
 * {@link Training} itself, the code that makes the shipped model. The choice between variants is made
 * on the validation columns; the test columns are printed for the record.
 */
public final class LeverStudy {
    private LeverStudy() {
    }

    /** The variants, each a change to the shipped defaults. */
    static Map<String, UnaryOperator<TrainingParams>> variants() {
        Map<String, UnaryOperator<TrainingParams>> v = new LinkedHashMap<>();
        v.put("shipped defaults (hard negatives, 1 in 5 clean days, min_child_weight 5, alarm chosen)", p -> p);
        v.put("old sampling: 1 in 10 healthy days alike", p -> p.withSampling(new NegativeSampling(false, 10)));
        v.put("hard negatives, 1 in 10 clean days", p -> p.withSampling(new NegativeSampling(true, 10)));
        v.put("hard negatives, 1 in 20 clean days", p -> p.withSampling(new NegativeSampling(true, 20)));
        v.put("min_child_weight 1", p -> p.withTrees(p.rounds(), p.maxDepth(), p.eta(), 1));
        v.put("depth 4, 300 rounds, eta 0.05", p -> p.withTrees(300, 4, 0.05, p.minChildWeight()));
        v.put("depth 2, 200 rounds", p -> p.withTrees(200, 2, p.eta(), p.minChildWeight()));
        for (AlarmPolicy a : TrainingParams.ALARMS) v.put("alarm " + a.k() + " of " + a.n() + " days only", p -> p.withAlarms(List.of(a)));
        return v;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Periods periods = Periods.lastDaysForTest(BackblazeDays.firstDay(dir), BackblazeDays.lastDay(dir), 91);
        long t0 = System.nanoTime();
        Training.Fleet fleet = Training.Fleet.scan(dir, periods);
        System.out.printf(Locale.ROOT, "read %s in %.1f s: %s%n", dir, (System.nanoTime() - t0) / 1e9, periods);
        System.out.println("| variant | validation PR-AUC | validation recall at FAR <= 1% | test recall | test FAR | test PR-AUC | test median lead (days) | test delta rule recall (FAR) | test model recall at the delta rule's FAR |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        String only = args.length > 1 ? args[1] : ""; // a part of the variants' names to run only those
        variants().forEach((name, change) -> {
            if (!name.contains(only)) return;
            Training.Result r = Training.run(fleet, periods, change.apply(TrainingParams.defaults()));
            try {
                Evaluation v = r.validation(), t = r.testAll();
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.4f | %.3f | %s | %.3f (%.4f) | %.3f |%n", name, v.prAuc(), v.model().recall(),
                        t.model().recall(), t.model().falseAlarmRate(), t.prAuc(), t.model().leadTimes().median(),
                        t.deltaRule().recall(), t.deltaRule().falseAlarmRate(), t.modelAtDeltaFalseAlarmRate().recall());
            } finally {
                r.model().close();
            }
        });
    }
}
