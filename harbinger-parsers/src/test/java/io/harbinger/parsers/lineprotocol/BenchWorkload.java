package io.harbinger.parsers.lineprotocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Java port of {@code ../shared/bench/gen-bodies.sh}: the same Park-Miller PRNG and the same order
 * of draws, so body {@code b} has the lines the peer benchmark sends. The 50 standard bodies are
 * byte-identical to the script's (pinned by {@link BenchWorkloadTest} through the manifest's sha256).
 */
final class BenchWorkload {
    private static final String[] REGIONS = "us-east us-west us-central eu-west eu-central eu-north ap-southeast ap-northeast".split(" ");
    private static final String[] MODELS = ("ST12000NM0008 ST16000NM001G ST8000DM002 HGST_HUH721212ALN604 WDC_WUH721816ALE6L4 "
            + "TOSHIBA_MG07ACA14TA MTFDDAK480TDS ST4000DM000").split(" ");
    private static final String[] DISKS = {"sda", "sdb", "sdc", "sdd"};

    private long seed;
    private final int hosts;
    private final String[] hostRegion;
    private final String[] hostDc;
    private final int[] diskCount;
    private final int[] cpuBase;
    private final int[] memBase;
    private final String[][] model;
    private final int[][] powerOnHours;
    private final int[][] r5;
    private final int[][] r187;
    private final int[][] r188;
    private final int[][] r197;
    private final int[][] r198;
    private final int[][] tempBase;
    private final int[] sweepHost;
    private final int[] sweepDisk;

    BenchWorkload(int hosts, long seed) {
        this.hosts = hosts;
        this.seed = seed % 2147483646L + 1;
        hostRegion = new String[hosts + 1];
        hostDc = new String[hosts + 1];
        diskCount = new int[hosts + 1];
        cpuBase = new int[hosts + 1];
        memBase = new int[hosts + 1];
        model = new String[hosts + 1][5];
        powerOnHours = new int[hosts + 1][5];
        r5 = new int[hosts + 1][5];
        r187 = new int[hosts + 1][5];
        r188 = new int[hosts + 1][5];
        r197 = new int[hosts + 1][5];
        r198 = new int[hosts + 1][5];
        tempBase = new int[hosts + 1][5];
        for (int h = 1; h <= hosts; h++) drawHost(h);
        int[] order = new int[hosts + 1];
        for (int i = 1; i <= hosts; i++) order[i] = i;
        for (int i = hosts; i > 1; i--) {
            int j = ri(1, i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int total = 0;
        for (int h = 1; h <= hosts; h++) total += 1 + diskCount[h];
        sweepHost = new int[total];
        sweepDisk = new int[total];
        int n = 0;
        for (int i = 1; i <= hosts; i++) {
            int h = order[i];
            sweepHost[n] = h;
            sweepDisk[n++] = 0;
            for (int d = 1; d <= diskCount[h]; d++) {
                sweepHost[n] = h;
                sweepDisk[n++] = d;
            }
        }
    }

    /** The benchmark's defaults: 10,000 hosts, seed 42. */
    static BenchWorkload standard() {
        return new BenchWorkload(10_000, 42);
    }

    private void drawHost(int h) {
        int reg = ri(1, REGIONS.length);
        hostRegion[h] = REGIONS[reg - 1];
        hostDc[h] = REGIONS[reg - 1] + "-" + ri(1, 3);
        diskCount[h] = ri(2, 4);
        int hm = ri(1, MODELS.length);
        cpuBase[h] = ri(2, 70);
        memBase[h] = ri(20, 85);
        for (int d = 1; d <= diskCount[h]; d++) {
            model[h][d] = rnd() < 0.8 ? MODELS[hm - 1] : MODELS[ri(1, MODELS.length) - 1];
            powerOnHours[h][d] = ri(500, 60000);
            r5[h][d] = rare(0.08, 400);
            r187[h][d] = rare(0.05, 60);
            r188[h][d] = rare(0.03, 12);
            r197[h][d] = rare(0.04, 40);
            r198[h][d] = rare(0.03, 40);
            tempBase[h][d] = ri(27, 44);
        }
    }

    /** Bodies must be generated in order 0, 1, 2, ... (the PRNG is shared, as in the script). */
    byte[] body(int index, int lines) {
        StringBuilder sb = new StringBuilder(lines * 200);
        for (int l = 0; l < lines; l++) sb.append(line((long) index * lines + l)).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String line(long k) {
        int x = (int) (k % sweepHost.length);
        long sweep = k / sweepHost.length;
        int h = sweepHost[x];
        int d = sweepDisk[x];
        String tags = "region=" + hostRegion[h] + ",dc=" + hostDc[h] + ",host=" + String.format(Locale.ROOT, "host-%05d", h);
        if (d == 0) {
            double cpu = cpuBase[h] + (rnd() - 0.5) * 30;
            if (cpu < 0) cpu = 0.3;
            if (cpu > 100) cpu = 100;
            double mem = memBase[h] + (rnd() - 0.5) * 6;
            double load = cpu / 100 * 16 * (0.5 + rnd());
            return String.format(Locale.ROOT, "host,%s cpu=%.2f,mem=%.2f,load1=%.2f,net_err=%di", tags, cpu, mem, load, rare(0.02, 30));
        }
        long r5now = r5[h][d] + sweep * (r5[h][d] > 0 ? 1 : 0);
        int temp = tempBase[h][d] + ri(-2, 3);
        double errorRate = rnd() * rnd() * 0.002;
        return String.format(Locale.ROOT, "smart,%s,disk=%s,model=%s smart_5_raw=%di,smart_187_raw=%di,smart_188_raw=%di,"
                        + "smart_197_raw=%di,smart_198_raw=%di,smart_9_raw=%di,temperature_c=%di,read_error_rate=%s",
                tags, DISKS[d - 1], model[h][d], r5now, r187[h][d], r188[h][d], r197[h][d], r198[h][d], powerOnHours[h][d] + sweep, temp,
                cStyleG6(errorRate));
    }

    /** C's {@code %.6g}: Java's {@code %g} with the trailing zeros C strips. */
    static String cStyleG6(double v) {
        if (v == 0) return "0";
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return mantissa + exponent;
    }

    private double rnd() {
        seed = (16807 * seed) % 2147483647L;
        return seed / 2147483647.0;
    }

    private int ri(int a, int b) {
        return a + (int) (rnd() * (b - a + 1));
    }

    private int rare(double p, int hi) {
        return rnd() < p ? ri(1, hi) : 0;
    }

    int hosts() {
        return hosts;
    }
}
