package io.harbinger.parsers.prometheus;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;

import java.io.IOException;

/**
 * Prometheus remote write 1.0: a Snappy-block-compressed {@code prometheus.WriteRequest}, decoded by
 * hand (no generated code) and mapped to points.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>One point per sample: measurement = the {@code __name__} label, one field {@code value},
 *       timestamp = the sample's milliseconds as nanoseconds.</li>
 *   <li>host = the {@code host} label; else the {@code instance} label with its {@code :port}
 *       stripped ({@code node1:9100} -> {@code node1}, {@code [2001:db8::1]:9100} -> {@code 2001:db8::1}),
 *       because an operator wants a machine's Prometheus series under the same host, and so the same
 *       routing key, as what its other agents send (smartctl, line protocol), not one host per exporter
 *       port; else {@link ParseContext#defaultHost()}; none -> {@code MISSING_HOST}.</li>
 *   <li>region = the {@code region} label, else {@link ParseContext#defaultRegion()}.</li>
 *   <li>tags = every other label in wire order, minus {@code __name__}, {@code host} and {@code region}.
 *       {@code instance} stays a tag (with its port), so two exporters on one machine stay distinct
 *       series. Labels with an empty value are dropped, as Prometheus treats them as absent. When a
 *       special label ({@code __name__}, {@code host}, {@code region}, {@code instance}) repeats, the
 *       first one counts.</li>
 *   <li>drive = the first present of the tags {@code serial}, {@code drive}, {@code disk},
 *       {@code device} (node_exporter's disk series carry {@code device}), else "".</li>
 *   <li>Staleness markers (NaN with bits {@code 0x7ff0000000000002}) mark the end of a series, not
 *       data: they are skipped silently. Any other NaN or infinity is {@code NON_FINITE_VALUE}.</li>
 *   <li>Metadata, exemplars, native histograms and unknown fields are skipped.</li>
 * </ul>
 *
 * <h2>Rejections</h2>
 * The rejection "line" is the 1-based <em>series index</em> in the request (the detail repeats it,
 * with the sample's 1-based index within the series for per-sample faults). Faults of the series
 * (invalid UTF-8, missing {@code __name__}, empty label name, label name or value longer than
 * {@link io.harbinger.core.admit.IngestLimits#maxNameBytes()} (as {@code MALFORMED}: there is no
 * dedicated reason), no host) refuse its samples with one rejection; a sample refused by
 * {@link ParseContext#admit} is one rejection. A body that is not a Snappy block, or decodes to more
 * than {@code maxDecodedBytes}, is {@code BAD_ENCODING} (line 0); malformed protobuf refuses the whole
 * request as {@code MALFORMED} at the series being read (0 if before the first), with no valid points.
 * Remote write is all-or-nothing: when only some series or samples are refused their valid points are
 * still returned in {@link ParseResult.Rejected#validPoints()}, but callers are expected to write none.
 * {@link io.harbinger.core.admit.IngestLimits#maxLineBytes()} does not apply to this binary format:
 * the body size and {@code maxDecodedBytes} bound it.
 */
public final class RemoteWriteParser {
    private RemoteWriteParser() {
    }

    /**
     * @param snappyBlock     the request body (Content-Encoding: snappy, block format)
     * @param maxDecodedBytes largest accepted decoded WriteRequest, checked against the Snappy header before allocating
     */
    public static ParseResult parse(byte[] snappyBlock, int maxDecodedBytes, ParseContext ctx) {
        return switch (SnappyBlock.decode(snappyBlock, maxDecodedBytes)) {
            case SnappyBlock.Decoded.Refused refused -> ParseResult.Rejected.of(refused.rejection());
            case SnappyBlock.Decoded.Bytes decoded -> parseWriteRequest(decoded.bytes(), ctx);
        };
    }

    static ParseResult parseWriteRequest(byte[] writeRequest, ParseContext ctx) {
        ParseResults results = new ParseResults(writeRequest.length / 64);
        SeriesMapper mapper = new SeriesMapper(ctx, results);
        WriteRequestDecoder decoder = new WriteRequestDecoder(writeRequest);
        try {
            while (decoder.nextSeries()) {
                mapper.map(decoder.series(), decoder.seriesIndex());
            }
        } catch (IOException malformed) { // array-backed CodedInputStream: only InvalidProtocolBufferException
            return ParseResult.Rejected.of(new Rejection(RejectReason.MALFORMED, decoder.seriesIndex(),
                    "malformed WriteRequest protobuf " + decoder.position() + " (near byte " + decoder.offset()
                            + " of " + writeRequest.length + " decoded): " + malformed.getMessage()));
        }
        return results.result();
    }
}
