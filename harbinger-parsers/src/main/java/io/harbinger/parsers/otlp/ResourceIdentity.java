package io.harbinger.parsers.otlp;

import io.harbinger.core.admit.ParseContext;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;

import java.util.List;

/**
 * What a resource says about where its data points come from.
 *
 * @param host        {@code host.name}, else {@code host}, else the context's default host (may be empty)
 * @param region      {@code cloud.region}, else {@code region}, else the context's default region
 * @param serviceName {@code service.name}, or "" when absent
 */
record ResourceIdentity(String host, String region, String serviceName) {
    static final String SERVICE_NAME = "service.name";

    static ResourceIdentity of(Resource resource, ParseContext ctx) {
        List<KeyValue> attributes = resource.getAttributesList();
        return new ResourceIdentity(
                firstNonEmpty(AttributeValues.find(attributes, "host.name"), AttributeValues.find(attributes, "host"), ctx.defaultHost()),
                firstNonEmpty(AttributeValues.find(attributes, "cloud.region"), AttributeValues.find(attributes, "region"), ctx.defaultRegion()),
                AttributeValues.find(attributes, SERVICE_NAME));
    }

    private static String firstNonEmpty(String first, String second, String fallback) {
        return !first.isEmpty() ? first : !second.isEmpty() ? second : fallback;
    }
}
