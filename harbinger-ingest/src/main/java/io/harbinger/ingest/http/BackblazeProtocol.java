package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Back-fill of Backblaze Drive Stats daily CSVs, {@code POST /api/v1/import/backblaze[?date=YYYY-MM-DD]
 * [&host=H][&region=R]}, plain or gzip (a {@code .csv.gz} posted as it is also works). Historical by
 * nature, so any date since 2000 is accepted (not the live window). {@code date} overrides the date
 * column, whose format varies between files; pass the date from the file name. All or nothing.
 */
final class BackblazeProtocol implements Protocol {
    @Override
    public String name() {
        return "backblaze";
    }

    @Override
    public boolean sniffsGzip() {
        return true;
    }

    @Override
    public TimeWindow window(IngestConfig config) {
        return TimeWindow.backfill(config.liveWindow().ahead());
    }

    @Override
    public ParseResult parse(Body body, RequestInfo request, ParseContext context) {
        String dateParam = request.param("date");
        Optional<LocalDate> date = Optional.empty();
        if (!dateParam.isEmpty()) {
            try {
                date = Optional.of(LocalDate.parse(dateParam));
            } catch (DateTimeParseException e) {
                return ParseResult.Rejected.of(Rejection.whole(RejectReason.MALFORMED,
                        "query parameter date='" + dateParam + "' is not a date in the form YYYY-MM-DD"));
            }
        }
        return BackblazeCsvParser.parse(body.exact(), date, context);
    }

    @Override
    public Reply written(int points, RequestInfo request) {
        return Reply.json(200, Reply.object().put("written", points));
    }
}
