package io.harbinger.simulate.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters.ErrorCounter;
import io.harbinger.simulate.fleet.FleetParameters.Healthy;
import io.harbinger.simulate.fleet.FleetParameters.Observed;
import io.harbinger.simulate.fleet.FleetParameters.Temperature;
import io.harbinger.simulate.fleet.FleetParameters.Trajectory;
import io.harbinger.simulate.fleet.FleetParameters.Usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet parameters file: JSON with sorted keys and fixed number formatting ({@link JsonText}), so the
 * same data always gives the same bytes. The shipped one, fitted from Backblaze ST4000DM000 drives of
 * 2018-H1, is {@link #DEFAULT_RESOURCE}.
 */
public final class ParametersFile {
    public static final String DEFAULT_RESOURCE = "/io/harbinger/simulate/fleet-st4000dm000-2018h1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParametersFile() {
    }

    /** The shipped parameters. */
    public static FleetParameters loadDefault() {
        try (InputStream in = ParametersFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the shipped fleet parameters " + DEFAULT_RESOURCE + " are not on the class path");
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static FleetParameters load(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static byte[] bytes(FleetParameters p) {
        return JsonText.write(tree(p)).getBytes(StandardCharsets.UTF_8);
    }

    public static void write(FleetParameters p, Path file) throws IOException {
        Files.write(file, bytes(p));
    }

    private static Map<String, Object> tree(FleetParameters p) {
        Map<String, Object> root = new TreeMap<>();
        root.put("format", p.format());
        root.put("source", p.source());
        root.put("driveModel", p.driveModel());
        root.put("from", p.from().toString());
        root.put("to", p.to().toString());
        root.put("failureHazard", p.failureHazard());
        root.put("quantileProbabilities", Quantiles.PROBABILITIES.stream().mapToDouble(Double::doubleValue).toArray());
        root.put("healthy", healthy(p.healthy()));
        List<Object> trajectories = new ArrayList<>();
        for (Trajectory t : p.trajectories()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("days", t.days());
            m.put("start", t.start());
            m.put("changes", new ArrayList<Object>(t.changes()));
            trajectories.add(m);
        }
        root.put("trajectories", trajectories);
        root.put("observed", observed(p.observed()));
        return root;
    }

    private static Map<String, Object> healthy(Healthy h) {
        Map<String, Object> m = new TreeMap<>();
        m.put("errorPatterns", h.errorPatterns());
        Map<String, Object> counters = new TreeMap<>();
        for (int i = 0; i < h.counters().size(); i++) {
            ErrorCounter c = h.counters().get(i);
            Map<String, Object> cm = new TreeMap<>();
            cm.put("initialNonZero", c.initialNonZero().values());
            cm.put("rise", c.rise());
            cm.put("growth", c.growth().values());
            cm.put("shrink", c.shrink());
            cm.put("shrinkFraction", c.shrinkFraction().values());
            counters.put(String.valueOf(SmartAttribute.RULE_COUNTERS.get(i).id()), cm);
        }
        m.put("counters", counters);
        m.put("powerOnHours", h.powerOnHours().values());
        m.put("powerOnHoursPerDay", h.powerOnHoursPerDay().values());
        Map<String, Object> usage = new TreeMap<>();
        h.usage().forEach((id, u) -> usage.put(String.valueOf(id), Map.of("initialPerPowerOnHour", u.initialPerPowerOnHour().values(),
                "ratePerDay", u.ratePerDay().values(), "dailyFactor", u.dailyFactor().values())));
        m.put("usage", usage);
        Map<String, Object> mirrors = new TreeMap<>();
        h.mirrors().forEach((k, v) -> mirrors.put(String.valueOf(k), (Integer) v));
        m.put("mirrors", mirrors);
        m.put("temperature", Map.of("driveMean", h.temperature().driveMean().values(), "deviation", h.temperature().deviation().values()));
        return m;
    }

    private static Map<String, Object> observed(Observed o) {
        Map<String, Object> m = new TreeMap<>();
        m.put("driveDays", o.driveDays());
        m.put("drives", o.drives());
        m.put("failures", o.failures());
        m.put("healthyNonZero", byId(o.healthyNonZero()));
        m.put("healthyGrowth", byId(o.healthyGrowth()));
        m.put("failedGrewLast14d", o.failedGrewLast14d());
        m.put("failedNonZeroAtEnd", o.failedNonZeroAtEnd());
        m.put("healthyPowerOnHours", o.healthyPowerOnHours().values());
        m.put("healthyTemperatureMean", o.healthyTemperatureMean());
        return m;
    }

    private static Map<String, Object> byId(Map<Integer, Double> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static FleetParameters read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("fleet parameters are not JSON: " + e.getMessage(), e);
        }
        List<Trajectory> trajectories = new ArrayList<>();
        for (JsonNode t : req(root, "trajectories")) {
            List<long[]> changes = new ArrayList<>();
            for (JsonNode c : req(t, "changes")) changes.add(longs(c));
            trajectories.add(new Trajectory(req(t, "days").asInt(), longs(req(t, "start")), changes));
        }
        return new FleetParameters(req(root, "format").asInt(), req(root, "source").asText(), req(root, "driveModel").asText(),
                LocalDate.parse(req(root, "from").asText()), LocalDate.parse(req(root, "to").asText()),
                req(root, "failureHazard").asDouble(), healthy(req(root, "healthy")), trajectories, observed(req(root, "observed")));
    }

    private static Healthy healthy(JsonNode h) {
        List<ErrorCounter> counters = new ArrayList<>();
        JsonNode cs = req(h, "counters");
        for (SmartAttribute a : SmartAttribute.RULE_COUNTERS) {
            JsonNode c = req(cs, String.valueOf(a.id()));
            counters.add(new ErrorCounter(q(c, "initialNonZero"), doubles(req(c, "rise")), q(c, "growth"), req(c, "shrink").asDouble(),
                    q(c, "shrinkFraction")));
        }
        Map<Integer, Usage> usage = new LinkedHashMap<>();
        req(h, "usage").properties().forEach(e -> usage.put(Integer.parseInt(e.getKey()),
                new Usage(q(e.getValue(), "initialPerPowerOnHour"), q(e.getValue(), "ratePerDay"), q(e.getValue(), "dailyFactor"))));
        JsonNode t = req(h, "temperature");
        Map<Integer, Integer> mirrors = new TreeMap<>();
        req(h, "mirrors").properties().forEach(e -> mirrors.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
        return new Healthy(doubles(req(h, "errorPatterns")), counters, q(h, "powerOnHours"), q(h, "powerOnHoursPerDay"), usage,
                new Temperature(q(t, "driveMean"), q(t, "deviation")), mirrors);
    }

    private static Observed observed(JsonNode o) {
        return new Observed(req(o, "driveDays").asLong(), req(o, "drives").asInt(), req(o, "failures").asInt(), idMap(req(o, "healthyNonZero")),
                idMap(req(o, "healthyGrowth")), req(o, "failedGrewLast14d").asDouble(), req(o, "failedNonZeroAtEnd").asDouble(),
                q(o, "healthyPowerOnHours"), req(o, "healthyTemperatureMean").asDouble());
    }

    private static Map<Integer, Double> idMap(JsonNode n) {
        Map<Integer, Double> m = new TreeMap<>();
        n.properties().forEach(e -> m.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
        return m;
    }

    private static Quantiles q(JsonNode n, String field) {
        try {
            return new Quantiles(doubles(req(n, field)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asLong();
        return out;
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("fleet parameters: missing field '" + field + "'");
        return v;
    }
}
