package io.harbinger.store.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The k-way merge of sorted lists: the first {@code n} of their union in order, each list read once. */
public final class Merge {
    private Merge() {
    }

    /**
     * The first {@code n} items of {@code sorted} (each sorted by {@code order}) merged, in order. Of
     * equal items, the one of the earlier list first (the merge is stable).
     */
    public static <T> List<T> first(int n, Comparator<? super T> order, List<? extends List<? extends T>> sorted) {
        record Head<T>(T item, int list, int index) {
        }
        Comparator<Head<T>> byItem = Comparator.<Head<T>, T>comparing(Head::item, order).thenComparingInt(Head::list);
        PriorityQueue<Head<T>> heads = new PriorityQueue<>(Math.max(1, sorted.size()), byItem);
        for (int l = 0; l < sorted.size(); l++) {
            if (!sorted.get(l).isEmpty()) heads.add(new Head<>(sorted.get(l).getFirst(), l, 0));
        }
        List<T> out = new ArrayList<>(n);
        while (out.size() < n && !heads.isEmpty()) {
            Head<T> h = heads.poll();
            out.add(h.item());
            List<? extends T> list = sorted.get(h.list());
            if (h.index() + 1 < list.size()) heads.add(new Head<>(list.get(h.index() + 1), h.list(), h.index() + 1));
        }
        return out;
    }
}
