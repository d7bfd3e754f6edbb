package io.harbinger.schema.wire;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StringTablesTest {
    @Property
    void stringTable_numbersDistinctStringsInFirstSeenOrder_likeAMap(@ForAll @Size(max = 300) List<@StringLength(max = 6) String> strings) {
        StringTable table = new StringTable(4);
        Map<String, Integer> expected = new HashMap<>();
        for (String s : strings) {
            Integer known = expected.get(s);
            int ref = table.referenceOrAdd(new String(s)); // equal but not identical instances
            if (known == null) {
                assertThat(ref).isZero();
                expected.put(s, expected.size() + 1);
            } else {
                assertThat(ref).isEqualTo(known);
            }
        }
    }

    @Test
    void decodedStrings_returnsTheSameInstanceForRepeatedBytes_andTheRightStringAfterACollision() {
        DecodedStrings cache = new DecodedStrings();
        byte[] a = "smart_5_raw".getBytes(StandardCharsets.US_ASCII);
        String first = cache.ascii(a, 0, a.length);
        assertThat(cache.ascii(a.clone(), 0, a.length)).isSameAs(first).isEqualTo("smart_5_raw");
        for (int i = 0; i < 10_000; i++) {
            byte[] other = ("host-" + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(cache.ascii(other, 0, other.length)).isEqualTo("host-" + i);
        }
        byte[] padded = "xxsmart_5_rawyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.ascii(padded, 2, a.length)).isEqualTo("smart_5_raw");
    }
}
