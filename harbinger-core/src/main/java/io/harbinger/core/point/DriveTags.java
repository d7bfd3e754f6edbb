package io.harbinger.core.point;

import java.util.List;

/**
 * Which tag names a drive, for protocols that carry no explicit drive identity: the first present of
 * {@code serial}, {@code drive}, {@code disk}, {@code device}, in that order of preference.
 */
public final class DriveTags {
    public static final List<String> KEYS = List.of("serial", "drive", "disk", "device");
    /** The rank of a key that names no drive. */
    public static final int NONE = Integer.MAX_VALUE;

    private DriveTags() {
    }

    /** @return the preference of {@code key} as drive identity (lower wins), or {@link #NONE} */
    public static int rank(String key) {
        return switch (key) {
            case "serial" -> 0;
            case "drive" -> 1;
            case "disk" -> 2;
            case "device" -> 3;
            default -> NONE;
        };
    }

    /** The drive identity among {@code tags}, or "" for a host-level point. */
    public static String driveOf(List<Tag> tags) {
        String drive = "";
        int best = NONE;
        for (Tag tag : tags) {
            int r = rank(tag.key());
            if (r < best) {
                best = r;
                drive = tag.value();
            }
        }
        return drive;
    }
}
