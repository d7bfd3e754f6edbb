package io.harbinger.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code harbinger serve}: run a node until SIGTERM/SIGINT, then shut down cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeOptions.class,
        description = "Run a node: by default everything in this process (ingest, the stream processor, the read API and dashboard, alerting, "
                + "and unless --kafka is given an embedded Kafka broker); --role runs only some of these, as one node of a cluster.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServeConfig config = ServeOptions.read(spec, System.getenv());
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
