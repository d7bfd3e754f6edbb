package io.harbinger.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code harbinger serve}: run a node until SIGTERM/SIGINT, then shut down cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run ingest, the stream processor and (unless --kafka is given) an embedded Kafka broker in this process.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServeOptions options;

    @Override
    public Integer call() throws Exception {
        ServeConfig config = options.toConfig();
        Harbinger node = Harbinger.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "harbinger-shutdown"));
        stopped.await();
        return 0;
    }
}
