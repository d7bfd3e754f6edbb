package io.harbinger.app;

import io.harbinger.auth.key.Keys;
import io.harbinger.auth.key.StoredKey;
import io.harbinger.auth.store.PostgresAuditLog;
import io.harbinger.auth.store.PostgresKeyStore;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code harbinger keys create|list|revoke}: the API keys in the control database that {@code serve} uses
 * (the same {@code --postgres}/{@code --shard-map} settings; with neither, the bundled PostgreSQL under
 * {@code --data-dir}, while no node runs on it). Works with any key or none: whoever can reach the database
 * administers the keys, which is how the first admin key is made.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys (for serve --auth keys).",
        subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
final class KeysCommand {
    /** The settings that say where the keys are. */
    static final SettingSet SETTINGS = SettingSet.of(ServeConfig.DATA_DIR).and(StoreSettings.SETTINGS);

    /** Adds an option per setting of {@link #SETTINGS} to a subcommand. */
    static final class StoreOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            SETTINGS.settings().forEach(setting -> command.addOption(ServeOptions.option(setting)));
            return command;
        }
    }

    private static ControlDatabase open(CommandSpec spec) {
        Settings settings = ServeOptions.read(SETTINGS, spec, System.getenv());
        StoreSettings store = StoreSettings.from(settings, System.getenv().getOrDefault("HARBINGER_POSTGRES_PASSWORD", ""));
        return ControlDatabase.open(store, Optional.of(settings.get(ServeConfig.DATA_DIR)));
    }

    private static Keys keys(ControlDatabase db) {
        return new Keys(PostgresKeyStore.migrated(db.dataSource()), new PostgresAuditLog(db.dataSource()), new SecureRandom(), Clock.systemUTC());
    }

    /** Who the audit says did it: the CLI, as the user who ran it. */
    private static Principal actor(String tenant) {
        return Keys.cli(System.getProperty("user.name", "unknown"), tenant);
    }

    static String describe(StoredKey k) {
        return String.format("%s  %-16s %-16s created %s%s", k.id(), k.tenant(), Role.labels(k.roles()), k.created(),
                k.revoked().map(r -> "  revoked " + r).orElse(""));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, modelTransformer = StoreOptions.class,
            description = "Create a key and print it, this once (only its hash is stored).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", defaultValue = Principal.DEFAULT_TENANT, description = "The tenant the key belongs to. Default: ${DEFAULT-VALUE}.")
        String tenant;

        @Option(names = "--role", required = true, paramLabel = "ROLE[,ROLE...]", description = "What the key may do: write (ingest), read (the read API), admin (keys, model reload, silences, acknowledgements).")
        String roles;

        @Override
        public Integer call() {
            Principal.requireTenant(tenant);
            var roleSet = Role.parseList(roles);
            try (ControlDatabase db = open(spec)) {
                Keys.Issued issued = keys(db).create(actor(tenant), tenant, roleSet);
                PrintWriter out = spec.commandLine().getOut();
                out.println(issued.key().token());
                out.flush();
                spec.commandLine().getErr().println("created key " + issued.stored().id() + " (tenant " + tenant + ", " + Role.labels(roleSet)
                        + "); the line above is the key: it is shown only now");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, modelTransformer = StoreOptions.class,
            description = "List the keys (id, tenant, roles, created, revoked); never a key itself.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "Only this tenant's keys.")
        String tenant;

        @Override
        public Integer call() {
            try (ControlDatabase db = open(spec)) {
                PrintWriter out = spec.commandLine().getOut();
                keys(db).store().list(Optional.ofNullable(tenant)).forEach(k -> out.println(describe(k)));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, modelTransformer = StoreOptions.class,
            description = "Revoke a key: every node refuses it within --auth-cache-ttl (5 s by default).")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The key's id (the 12 hex digits after hbk_).")
        String id;

        @Override
        public Integer call() {
            try (ControlDatabase db = open(spec)) {
                Keys keys = keys(db);
                StoredKey key = keys.store().find(id).orElseThrow(() -> new IllegalArgumentException("no key " + id));
                StoredKey revoked = keys.revoke(actor(key.tenant()), id).orElseThrow();
                spec.commandLine().getOut().println(describe(revoked));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
