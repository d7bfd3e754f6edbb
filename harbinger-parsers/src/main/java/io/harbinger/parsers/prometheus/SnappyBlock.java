package io.harbinger.parsers.prometheus;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import org.xerial.snappy.Snappy;

import java.io.IOException;

/**
 * Snappy <em>block</em> format (what remote write sends; not the framed/stream format), decoded with
 * a size cap checked against the block's header before anything is allocated.
 */
final class SnappyBlock {
    private SnappyBlock() {
    }

    sealed interface Decoded permits Decoded.Bytes, Decoded.Refused {
        record Bytes(byte[] bytes) implements Decoded {
        }

        record Refused(Rejection rejection) implements Decoded {
        }
    }

    static Decoded decode(byte[] block, int maxDecodedBytes) {
        int declared;
        try {
            declared = Snappy.uncompressedLength(block);
        } catch (IOException corruptHeader) {
            return refused("body is not a Snappy block (" + block.length + " bytes): " + corruptHeader.getMessage()
                    + "; remote write expects Content-Encoding: snappy, block format");
        }
        if (declared < 0 || declared > maxDecodedBytes) {
            return refused("Snappy block declares " + Integer.toUnsignedString(declared) + " decoded bytes, at most "
                    + maxDecodedBytes + " allowed (" + block.length + " bytes compressed)");
        }
        try {
            // Snappy.uncompress allocates exactly the declared length, which we just capped.
            return new Decoded.Bytes(Snappy.uncompress(block));
        } catch (IOException corruptBody) {
            return refused("corrupt Snappy block (" + block.length + " bytes, declaring " + declared + " decoded): "
                    + corruptBody.getMessage());
        }
    }

    private static Decoded refused(String detail) {
        return new Decoded.Refused(Rejection.whole(RejectReason.BAD_ENCODING, detail));
    }
}
