package io.harbinger.predict.train;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Which drives are held out of training, decided by the serial number alone (CRC32C of salt and
 * serial), so that training, validation and evaluation agree without a list of drives.
 *
 * @param holdoutPermille held-out drives per thousand (0..1000)
 */
public record DriveSplit(String salt, int holdoutPermille) {
    public static final DriveSplit DEFAULT = new DriveSplit("harbinger", 400);

    public DriveSplit {
        if (salt == null) throw new IllegalArgumentException("salt must be non-null");
        if (holdoutPermille < 0 || holdoutPermille > 1000) throw new IllegalArgumentException("holdoutPermille must be 0..1000, was " + holdoutPermille);
    }

    public boolean heldOut(String serial) {
        CRC32C crc = new CRC32C();
        crc.update(salt.getBytes(StandardCharsets.UTF_8));
        crc.update(serial.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 1000 < holdoutPermille;
    }

    public boolean trains(String serial) {
        return !heldOut(serial);
    }

    @Override
    public String toString() {
        return salt + ":" + holdoutPermille;
    }

    /** Parses {@link #toString()}. */
    public static DriveSplit parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("drive split '" + s + "' must be salt:permille");
        return new DriveSplit(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }
}
