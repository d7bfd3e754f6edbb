package io.harbinger.parsers.prometheus;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written decoder for {@code prometheus.WriteRequest} (remote write 1.0), one series at a time:
 * <pre>
 * WriteRequest { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
 * TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; exemplars = 3; histograms = 4; }
 * Label        { string name = 1; string value = 2; }
 * Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in milliseconds
 * </pre>
 * Metadata, exemplars, native histograms and unknown fields are skipped, as generated code would.
 * Label strings are checked for UTF-8 here, where the bytes are, and a bad label is recorded in the
 * {@link SeriesBuffer} instead of failing: the rest of the request is still well-formed.
 */
final class WriteRequestDecoder {
    private static final int TIMESERIES = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int LABEL = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SAMPLE = tag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int LABEL_NAME = tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int LABEL_VALUE = tag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    private static final int SAMPLE_VALUE = tag(1, WireFormat.WIRETYPE_FIXED64);
    private static final int SAMPLE_TIMESTAMP = tag(2, WireFormat.WIRETYPE_VARINT);

    private final byte[] data;
    private final CodedInputStream in;
    private final SeriesBuffer series = new SeriesBuffer();
    private final AsciiStrings ascii = new AsciiStrings();
    private int seriesIndex;
    private boolean inSeries;

    WriteRequestDecoder(byte[] writeRequest) {
        this.data = writeRequest;
        this.in = CodedInputStream.newInstance(writeRequest);
    }

    /**
     * Decodes the next series into {@link #series()}.
     *
     * @return false once the request holds no more series
     * @throws IOException (an {@link com.google.protobuf.InvalidProtocolBufferException}) on malformed protobuf
     */
    boolean nextSeries() throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == TIMESERIES) {
                seriesIndex++;
                inSeries = true;
                readSeries();
                inSeries = false;
                return true;
            }
            skip(tag);
        }
        return false;
    }

    SeriesBuffer series() {
        return series;
    }

    /** 1-based index of the series last started (the one that failed, after an exception); 0 before the first. */
    int seriesIndex() {
        return seriesIndex;
    }

    /** Where decoding stands, for messages: "in series 3", "after series 3", "before the first series". */
    String position() {
        if (inSeries) return "in series " + seriesIndex;
        return seriesIndex == 0 ? "before the first series" : "after series " + seriesIndex;
    }

    /** Bytes consumed so far in the decoded (uncompressed) request. */
    int offset() {
        return in.getTotalBytesRead();
    }

    private void readSeries() throws IOException {
        series.clear();
        int outer = in.pushLimit(in.readRawVarint32());
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LABEL) {
                readLabel();
            } else if (tag == SAMPLE) {
                readSample();
            } else {
                skip(tag);
            }
        }
        in.popLimit(outer);
    }

    private void readLabel() throws IOException {
        int outer = in.pushLimit(in.readRawVarint32());
        int index = series.labelCount();
        String name = "";
        String value = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == LABEL_NAME) {
                name = readUtf8(index, true);
            } else if (tag == LABEL_VALUE) {
                value = readUtf8(index, false);
            } else {
                skip(tag);
            }
        }
        in.popLimit(outer);
        series.addLabel(name, value);
    }

    private void readSample() throws IOException {
        int outer = in.pushLimit(in.readRawVarint32());
        double value = 0;
        long millis = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == SAMPLE_VALUE) {
                value = in.readDouble();
            } else if (tag == SAMPLE_TIMESTAMP) {
                millis = in.readInt64();
            } else {
                skip(tag);
            }
        }
        in.popLimit(outer);
        series.addSample(value, millis);
    }

    /** Skips an unknown field; a stray end-group tag is malformed, as in generated code. */
    private void skip(int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("unexpected end-group tag for field " + WireFormat.getTagFieldNumber(tag));
        }
    }

    /** Reads a length-delimited string in place; invalid UTF-8 is recorded on the series and read as "". */
    private String readUtf8(int labelIndex, boolean isName) throws IOException {
        int length = in.readRawVarint32();
        int start = in.getTotalBytesRead();
        in.skipRawBytes(length); // throws on negative or truncated length before we touch the array
        if (isAscii(start, length)) return ascii.get(data, start, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            series.markInvalidUtf8(labelIndex, isName);
            return "";
        }
    }

    private boolean isAscii(int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            if (data[i] < 0) return false;
        }
        return true;
    }

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }
}
