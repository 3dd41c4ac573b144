package cn.qinghai.ledger.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone service (or another of the ledger's applications) in a child JVM on the test's own
 * classpath, killed with SIGKILL and started again on the same data directory. Its output goes to a log
 * file beside the test's reports.
 */
final class ChildLedger {

    static final String STANDALONE = "cn.qinghai.ledger.standalone.LedgerStandaloneApplication";
    static final String COMMAND_SIDE = "cn.qinghai.ledger.command.CommandSideApplication";

    private final String main;
    private final Path dataDir;
    private final Path log;
    private final List<String> extraArgs;
    private final int port;
    private Process process;

    ChildLedger(Path dataDir, Path log, List<String> extraArgs) throws IOException {
        this(STANDALONE, dataDir, log, extraArgs);
    }

    ChildLedger(String main, Path dataDir, Path log, List<String> extraArgs) throws IOException {
        this.main = main;
        this.dataDir = dataDir;
        this.log = log;
        this.extraArgs = List.copyOf(extraArgs);
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the JVM and waits until it is ready to serve (at most {@code timeout}). */
    void start(Duration timeout) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Ddisable-axoniq-console-message=true",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main,
                "--server.port=" + port,
                "--ledger.data-dir=" + dataDir,
                "--ledger.demo=true",
                "--ledger.idempotency.lease=PT5S",
                "--logging.level.root=WARN",
                "--logging.level.cn.qinghai.ledger.query.admin=INFO"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child ledger exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the child ledger was not ready within " + timeout + "; see " + log);
    }

    /**
     * The child's WARN and ERROR lines with the first lines of each stack trace (at most {@code max}
     * lines, the newest), for a failure message: CI shows the test's output, not the child's log file.
     */
    String problems(int max) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
        List<String> kept = new ArrayList<>();
        int traceLines = 0;
        for (String line : lines) {
            if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                kept.add(line);
                traceLines = 0;
            } else if (!kept.isEmpty()
                    && (line.startsWith("\tat ") || line.startsWith("Caused by"))
                    && traceLines++ < 6) {
                kept.add(line);
            }
        }
        List<String> newest = kept.subList(Math.max(0, kept.size() - max), kept.size());
        return "child log " + log + " (WARN/ERROR, newest " + newest.size() + " lines):\n" + String.join("\n", newest);
    }

    /** SIGKILL: no shutdown hook, no flush, no clean close of any store. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor();
        }
    }
}
