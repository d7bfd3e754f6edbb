package io.harbinger.predict.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The drive families (model names) a failure model was trained on, from its file's training record (key
 * {@value #TRAINING_KEY}: comma-separated model names).
 *
 * @param names upper-case, non-empty
 */
public record Families(List<String> names) {
    public static final String TRAINING_KEY = "families";
    /** The only family shipped models were trained on so far: what a model file without the key means. */
    public static final Families SHIPPED = new Families(List.of("ST4000DM000"));

    public Families {
        names = names.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty()) throw new IllegalArgumentException("a model is trained on at least one drive family");
    }

    /**
     * The families of a model's training record entry; absent or blank is {@link #SHIPPED}: model files
     * written before training recorded its families were all trained on ST4000DM000 (Backblaze 2018). An
     * entry that names no family ({@code ","}) reads as absent: scoring runs on every record and must not
     * fail on a model file's training record.
     */
    public static Families of(String trainingEntry) {
        if (trainingEntry == null || trainingEntry.isBlank()) return SHIPPED;
        List<String> names = Arrays.stream(trainingEntry.split(",")).filter(n -> !n.isBlank()).toList();
        return names.isEmpty() ? SHIPPED : new Families(names); // "," names none: read as absent, never fatal to scoring
    }

    /**
     * Whether the model covers a drive of model name {@code model}: one of its words is a family, or a
     * family followed by smartctl's suffix ("ST4000DM000-1F2168", "SEAGATE ST4000DM000"). An unknown
     * model (empty: the sample did not name it) counts as covered: the model scores it as it always has,
     * for want of anything better to say about it.
     */
    public boolean covers(String model) {
        if (model == null || model.isBlank()) return true;
        for (String word : model.strip().toUpperCase(Locale.ROOT).split("\\s+")) {
            for (String family : names) {
                if (word.equals(family) || word.startsWith(family + "-")) return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
