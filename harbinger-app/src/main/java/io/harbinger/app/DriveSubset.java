package io.harbinger.app;

import io.harbinger.predict.train.DriveSplit;

import java.util.function.Predicate;

/** A reproducible sample of drives by serial number, shared by replay and its offline twin in tests. */
final class DriveSubset {
    private DriveSubset() {
    }

    static Predicate<String> of(int permille) {
        if (permille >= 1000) return s -> true;
        DriveSplit sample = new DriveSplit("replay-sample", permille);
        return sample::heldOut;
    }
}
