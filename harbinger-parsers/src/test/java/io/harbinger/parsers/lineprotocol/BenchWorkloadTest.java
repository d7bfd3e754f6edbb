package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The peer benchmark's bodies (ported generator) parse completely and to the right points. */
class BenchWorkloadTest {
    /** {@code sha256} line of gen-bodies.sh's manifest for the defaults (50 bodies, 1000 lines, 10000 hosts, seed 42). */
    private static final String MANIFEST_SHA256_PREFIX = "c158a859c9d66564";

    @Test
    void everyStandardBody_isAcceptedAndEqualsANaiveSplitParse_andThePortMatchesTheScriptsManifest() throws NoSuchAlgorithmException {
        BenchWorkload workload = BenchWorkload.standard();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long smart = 0;
        long host = 0;
        for (int b = 0; b < 50; b++) {
            byte[] body = workload.body(b, 1000);
            sha.update(body);

            List<Point> points = TestLines.accepted(TestLines.parse(body, Precision.NANOSECONDS, TestLines.ctx()));

            assertThat(points).containsExactlyElementsOf(naiveParse(new String(body, StandardCharsets.UTF_8)));
            smart += points.stream().filter(p -> p.measurement().equals("smart")).count();
            host += points.stream().filter(p -> p.measurement().equals("host")).count();
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).startsWith(MANIFEST_SHA256_PREFIX);
        assertThat(smart + host).isEqualTo(50_000);
        assertThat((smart * 8 + host * 4) / 50_000.0).as("fields per line, as the README states").isBetween(6.9, 7.1);
    }

    @Test
    void benchBody_smartPointsCarryTheDiskAsDrive_hostPointsNone() {
        List<Point> points = TestLines.accepted(TestLines.parse(BenchWorkload.standard().body(0, 1000), Precision.NANOSECONDS, TestLines.ctx()));

        assertThat(points).hasSize(1000).allSatisfy(p -> {
            if (p.measurement().equals("smart")) {
                assertThat(p.drive()).isIn("sda", "sdb", "sdc", "sdd");
                assertThat(p.fields()).hasSize(8);
                assertThat(p.tags()).extracting(Tag::key).containsExactly("dc", "disk", "model");
            } else {
                assertThat(p.drive()).isEmpty();
                assertThat(p.fields()).extracting(Field::name).containsExactly("cpu", "mem", "load1", "net_err");
            }
            assertThat(p.host()).matches("host-[0-9]{5}");
            assertThat(p.timestampNanos()).isEqualTo(TestLines.NOW_NANOS);
        });
    }

    /** Good enough for this workload only: no escapes, no strings, no timestamps. */
    private static List<Point> naiveParse(String body) {
        List<Point> points = new ArrayList<>();
        for (String line : body.split("\n")) {
            String[] sections = line.split(" ");
            String[] key = sections[0].split(",");
            String region = "";
            String host = "";
            String drive = "";
            List<Tag> tags = new ArrayList<>();
            for (int i = 1; i < key.length; i++) {
                String[] kv = key[i].split("=");
                switch (kv[0]) {
                    case "region" -> region = kv[1];
                    case "host" -> host = kv[1];
                    default -> tags.add(new Tag(kv[0], kv[1]));
                }
                if (kv[0].equals("disk")) drive = kv[1];
            }
            List<Field> fields = new ArrayList<>();
            for (String f : sections[1].split(",")) {
                String[] kv = f.split("=");
                String v = kv[1].endsWith("i") ? kv[1].substring(0, kv[1].length() - 1) : kv[1];
                fields.add(new Field(kv[0], Double.parseDouble(v)));
            }
            points.add(new Point(key[0], region, host, drive, tags, fields, TestLines.NOW_NANOS));
        }
        return points;
    }
}
