package io.harbinger.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body with a hard cap and undoes {@code Content-Encoding: gzip} with a second cap,
 * so neither a huge upload nor a gzip bomb can take more memory than configured. Pure I/O on
 * streams; the HTTP status for each outcome is chosen by the caller.
 */
final class BodyDecoder {
    private BodyDecoder() {
    }

    sealed interface Outcome permits Decoded, TooLarge, Undecodable, UnsupportedEncoding {
    }

    record Decoded(byte[] bytes, int length) implements Outcome {
    }

    record TooLarge(String detail) implements Outcome {
    }

    record Undecodable(String detail) implements Outcome {
    }

    record UnsupportedEncoding(String detail) implements Outcome {
    }

    /** Reads at most {@code maxBytes}; a longer body yields {@link TooLarge}. */
    static Outcome readCapped(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            return new TooLarge("request body of " + declaredLength + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        if (declaredLength >= 0) {
            byte[] body = in.readNBytes((int) declaredLength);
            if (body.length < declaredLength) {
                return new Undecodable("request body ended after " + body.length + " of the " + declaredLength + " bytes announced by Content-Length");
            }
            return new Decoded(body, body.length);
        }
        byte[] body = in.readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            return new TooLarge("request body exceeds the limit of " + maxBytes + " bytes");
        }
        return new Decoded(body, body.length);
    }

    /**
     * Applies the request's Content-Encoding. {@code passThrough} names an encoding the protocol itself
     * decodes (Prometheus remote write's {@code snappy}), or null.
     */
    static Outcome decode(Decoded raw, String contentEncoding, String passThrough, long maxDecodedBytes) {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || encoding.equals(passThrough)) return raw;
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) return gunzip(raw, maxDecodedBytes);
        return new UnsupportedEncoding("Content-Encoding '" + contentEncoding + "' is not supported; send gzip or identity"
                + (passThrough == null ? "" : " (or " + passThrough + ")"));
    }

    static boolean looksGzipped(Decoded raw) {
        return raw.length() >= 2 && (raw.bytes()[0] & 0xff) == 0x1f && (raw.bytes()[1] & 0xff) == 0x8b;
    }

    static Outcome gunzip(Decoded raw, long maxDecodedBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw.bytes(), 0, raw.length()), 16 * 1024)) {
            byte[] buffer = new byte[(int) Math.min(Math.max(raw.length() * 4L, 8192), maxDecodedBytes + 1)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxDecodedBytes) break;
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxDecodedBytes + 1));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) break;
                length += n;
            }
            if (length > maxDecodedBytes) {
                return new TooLarge("gzip-decoded request body exceeds the limit of " + maxDecodedBytes + " bytes");
            }
            return new Decoded(buffer, length);
        } catch (ZipException | java.io.EOFException e) {
            return new Undecodable("body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            return new Undecodable("body could not be gunzipped: " + e.getMessage());
        }
    }
}
