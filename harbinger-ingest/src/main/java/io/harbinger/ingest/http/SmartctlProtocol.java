package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.smartctl.SmartctlJsonParser;

/**
 * One {@code smartctl --json -x} document, {@code POST /api/v1/smartctl?host=H[&region=R]}: the
 * natural per-disk agent is a cron job piping smartctl into curl. The document names the drive but
 * not the host, so {@code host} is required. All or nothing.
 */
final class SmartctlProtocol implements Protocol {
    @Override
    public String name() {
        return "smartctl";
    }

    @Override
    public ParseResult parse(Body body, RequestInfo request, ParseContext context) {
        return SmartctlJsonParser.parse(body.exact(), context);
    }

    @Override
    public Reply written(int points, RequestInfo request) {
        return Reply.json(200, Reply.object().put("written", points));
    }
}
