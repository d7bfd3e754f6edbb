package io.harbinger.app;

import io.harbinger.core.config.SettingType;

import java.nio.file.Path;
import java.util.Optional;

/** The setting types the app adds to core's: file paths (core does no file I/O). */
final class SettingTypes {
    static final SettingType<Path> PATH = SettingType.of("PATH", "a file path", Path::of);
    static final SettingType<Optional<Path>> OPTIONAL_PATH = SettingType.optional(PATH);

    private SettingTypes() {
    }
}
