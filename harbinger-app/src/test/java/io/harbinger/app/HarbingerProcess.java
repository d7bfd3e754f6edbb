package io.harbinger.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code harbinger serve} as a child process (the packaged jar), so a test can kill it like an
 * operator's {@code kill -9} and start it again on the same data directory.
 */
final class HarbingerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (https?)://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final StringBuffer output;
    private final Thread reader;

    private HarbingerProcess(Process process, int port, StringBuffer output, Thread reader) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.reader = reader;
    }

    static HarbingerProcess start(Path dataDir, List<String> jvmArgs, String... extraArgs) throws IOException, InterruptedException {
        return start("serve", dataDir, jvmArgs, extraArgs);
    }

    /** {@code harbinger <command> --port 0 --data-dir <dataDir> <extraArgs>}: serve, or demo (a node too). */
    static HarbingerProcess start(String subcommand, Path dataDir, List<String> jvmArgs, String... extraArgs) throws IOException, InterruptedException {
        String jar = System.getProperty("harbinger.jar");
        if (jar == null) throw new IllegalStateException("system property harbinger.jar is not set (run through Maven failsafe)");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar, subcommand, "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, output, port), "harbinger-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HarbingerProcess(process, port.get(90, TimeUnit.SECONDS), output, reader);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("harbinger " + subcommand + " did not come up:\n" + output, e);
        }
    }

    private static void pump(Process process, StringBuffer output, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) port.complete(Integer.parseInt(m.group(2)));
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("process ended before listening"));
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return output.toString();
    }

    /** The node's log lines about a class missing from lib/: what a dependency only the tests see would cause. */
    List<String> missingClassLines() {
        return output().lines().filter(line -> line.contains("ClassNotFoundException") || line.contains("NoClassDefFoundError")).toList();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then wait for the clean shutdown. @return the exit code */
    int terminate() throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would also close our end of its output pipe
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("harbinger did not stop within 60 s of SIGTERM");
        }
        reader.join(10_000); // everything the process wrote before it ended
        return process.exitValue();
    }

    /** Stops a node still running at the end of a test cleanly (SIGTERM), so its bundled PostgreSQL stops with it. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }
}
