package io.harbinger.app;

import io.harbinger.api.server.ServerConfig;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a running node, shared by {@code serve} and {@code demo}: one per setting of
 * {@link ServeConfig#SETTINGS}, whose name, environment variable, default and description they show.
 * Picocli only collects the text given; {@link #read} resolves environment and defaults and validates
 * every setting in one pass, so a bad value is refused by the same rule however it was given.
 */
final class ServeOptions implements CommandLine.IModelTransformer {
    /** Adds the options to a command ({@code @Command(modelTransformer = ServeOptions.class)}). */
    @Override
    public CommandSpec transform(CommandSpec command) {
        ServeConfig.SETTINGS.settings().forEach(setting -> command.addOption(option(setting)));
        return command;
    }

    /**
     * The node that {@code command}'s parsed options ask for, with {@code environment} for what they leave out.
     *
     * @throws io.harbinger.core.config.InvalidSettingsException naming every bad setting
     */
    static ServeConfig read(CommandSpec command, Map<String, String> environment) {
        Settings settings = read(ServeConfig.SETTINGS, command, environment);
        return ServeConfig.from(settings, environment.getOrDefault("HARBINGER_POSTGRES_PASSWORD", ""),
                environment.getOrDefault(ServerConfig.KEYSTORE_PASSWORD_ENV, ""));
    }

    /** The values of {@code declared} that {@code command}'s options (one per setting, {@link #option}) and {@code environment} give. */
    static Settings read(SettingSet declared, CommandSpec command, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (Setting<?> setting : declared.settings()) {
            String text = command.findOption(setting.flag()).getValue();
            if (text != null) given.put(setting.name(), text);
        }
        return Settings.read(declared, given, environment);
    }

    /** The option of {@code setting}: its flag, label, description, default and variable. */
    static OptionSpec option(Setting<?> setting) {
        List<String> description = new ArrayList<>(List.of(setting.description()));
        String defaults = defaults(setting);
        if (!defaults.isEmpty()) description.add(defaults);
        return OptionSpec.builder(setting.flag()).type(String.class).paramLabel(setting.label())
                .description(description.toArray(String[]::new)).build();
    }

    /** {@code Default: 1, env HARBINGER_STREAM_THREADS}; empty when there is neither. */
    static String defaults(Setting<?> setting) {
        List<String> parts = new ArrayList<>();
        if (!setting.defaultText().isEmpty()) parts.add("Default: " + setting.defaultText());
        setting.env().ifPresent(v -> parts.add(parts.isEmpty() ? "Env: " + v : "env " + v));
        return String.join(", ", parts);
    }
}
