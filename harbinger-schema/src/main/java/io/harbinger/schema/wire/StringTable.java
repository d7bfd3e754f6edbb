package io.harbinger.schema.wire;

/**
 * The writer's table of strings already written in one batch: open addressing on the String's
 * cached hash code, identity compared first (parsers hand over the same String instance for a
 * repeated name), no boxing and no per-entry node: this sits on the ingest hot path.
 */
final class StringTable {
    private String[] keys;
    private int[] refs;
    private int size;

    StringTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        refs = new int[capacity];
    }

    /** @return the 1-based reference of {@code s} if present; otherwise adds it as the next one and returns 0 */
    int referenceOrAdd(String s) {
        int mask = keys.length - 1;
        int i = s.hashCode() & mask;
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k == s || k.equals(s)) return refs[i];
        }
        keys[i] = s;
        refs[i] = ++size;
        if (size * 2 > keys.length) grow();
        return 0;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldRefs = refs;
        keys = new String[oldKeys.length * 2];
        refs = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == null) continue;
            int i = oldKeys[j].hashCode() & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            refs[i] = oldRefs[j];
        }
    }
}
