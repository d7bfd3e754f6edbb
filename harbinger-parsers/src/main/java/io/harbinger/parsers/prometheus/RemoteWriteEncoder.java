package io.harbinger.parsers.prometheus;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds remote write 1.0 request bodies (Snappy block of a {@code prometheus.WriteRequest}), as
 * Prometheus sends them: for tests, benchmarks and the HTTP integration tests. Not used on the
 * ingest path.
 */
public final class RemoteWriteEncoder {
    private RemoteWriteEncoder() {
    }

    public record Label(String name, String value) {
        public Label {
            if (name == null || value == null) throw new IllegalArgumentException("label name and value must be non-null");
        }
    }

    public record Sample(double value, long timestampMillis) {
    }

    public record Series(List<Label> labels, List<Sample> samples) {
        public Series {
            labels = List.copyOf(labels);
            samples = List.copyOf(samples);
        }

        /** e.g. {@code Series.of(List.of(new Sample(1, ts)), "__name__", "up", "instance", "node1:9100")} */
        public static Series of(List<Sample> samples, String... labelNamesAndValues) {
            if (labelNamesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("labels come in name/value pairs, got " + labelNamesAndValues.length + " strings");
            }
            List<Label> labels = new ArrayList<>(labelNamesAndValues.length / 2);
            for (int i = 0; i < labelNamesAndValues.length; i += 2) {
                labels.add(new Label(labelNamesAndValues[i], labelNamesAndValues[i + 1]));
            }
            return new Series(labels, samples);
        }
    }

    /** The request body: Snappy block of {@link #encodeProtobuf(List)}. */
    public static byte[] encode(List<Series> series) {
        try {
            return Snappy.compress(encodeProtobuf(series));
        } catch (IOException e) {
            throw new UncheckedIOException("Snappy failed to compress an in-memory buffer", e);
        }
    }

    /** The uncompressed {@code WriteRequest} protobuf. */
    public static byte[] encodeProtobuf(List<Series> series) {
        int size = 0;
        for (Series s : series) size += delimitedSize(seriesSize(s));
        byte[] out = new byte[size];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            for (Series s : series) writeSeries(cos, s);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("protobuf size computed wrongly for an in-memory buffer", e);
        }
        return out;
    }

    private static void writeSeries(CodedOutputStream cos, Series s) throws IOException {
        cos.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        cos.writeUInt32NoTag(seriesSize(s));
        for (Label l : s.labels()) {
            cos.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag(labelSize(l));
            cos.writeString(1, l.name());
            cos.writeString(2, l.value());
        }
        for (Sample sample : s.samples()) {
            cos.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag(sampleSize(sample));
            cos.writeDouble(1, sample.value());
            cos.writeInt64(2, sample.timestampMillis());
        }
    }

    private static int seriesSize(Series s) {
        int size = 0;
        for (Label l : s.labels()) size += delimitedSize(labelSize(l));
        for (Sample sample : s.samples()) size += delimitedSize(sampleSize(sample));
        return size;
    }

    private static int labelSize(Label l) {
        return CodedOutputStream.computeStringSize(1, l.name()) + CodedOutputStream.computeStringSize(2, l.value());
    }

    private static int sampleSize(Sample s) {
        return CodedOutputStream.computeDoubleSize(1, s.value()) + CodedOutputStream.computeInt64Size(2, s.timestampMillis());
    }

    /** Tag of a field numbered below 16 (one byte) + length prefix + body. */
    private static int delimitedSize(int bodySize) {
        return 1 + CodedOutputStream.computeUInt32SizeNoTag(bodySize) + bodySize;
    }
}
