package io.harbinger.simulate.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTextTest {
    private static final String SCRAPE = """
            # HELP harbinger_store_loader_lag Records not yet stored
            # TYPE harbinger_store_loader_lag gauge
            harbinger_store_loader_lag{loader="predictions-loader"} 3.0
            harbinger_store_loader_lag{loader="samples-loader"} 4.0
            kafka_consumer_fetch_manager_records_lag{client_id="p-StreamThread-1-consumer",partition="0",topic="harbinger.samples"} 7.0
            kafka_consumer_fetch_manager_records_lag{client_id="p-StreamThread-1-consumer",partition="0",topic="harbinger_samples"} 7.0
            kafka_consumer_fetch_manager_records_lag{client_id="harbinger-samples-loader",partition="0",topic="harbinger.samples"} 100.0
            odd{note="a \\"quoted\\", comma"} 1.5
            harbinger_store_loader_record_age_seconds_bucket{loader="predictions-loader",le="0.1"} 10.0
            harbinger_store_loader_record_age_seconds_bucket{loader="predictions-loader",le="1.0"} 90.0
            harbinger_store_loader_record_age_seconds_bucket{loader="predictions-loader",le="+Inf"} 100.0
            harbinger_store_loader_record_age_seconds_bucket{loader="samples-loader",le="+Inf"} 5.0
            not a sample line
            up NaN
            """;

    @Test
    void sums_overTheSeriesThatPass_andLabelsWithEscapesParse() {
        MetricsText m = MetricsText.parse(SCRAPE);
        assertThat(m.sum("harbinger_store_loader_lag", l -> true)).isEqualTo(7);
        assertThat(LoadRun.processorLag(m)).as("the Streams consumer's, dotted topic only").isEqualTo(7);
        assertThat(LoadRun.loaderLag(m)).isEqualTo(7);
        assertThat(m.sum("odd", l -> l.get("note").equals("a \"quoted\", comma"))).isEqualTo(1.5);
        assertThat(m.sum("up", l -> true)).as("NaN adds nothing").isZero();
        assertThat(m.sum("missing", l -> true)).isZero();
    }

    @Test
    void histogramQuantiles_interpolateWithinTheBucket_andScrapesSubtract() {
        MetricsText.Buckets b = LoadRun.predictionAge(MetricsText.parse(SCRAPE));
        assertThat(b.count()).isEqualTo(100);
        assertThat(b.quantile(0.5)).isCloseTo(0.1 + 0.9 * (50 - 10) / 80.0, within(1e-9));
        assertThat(b.quantile(0.99)).as("in +Inf: the largest finite bound").isEqualTo(1.0);

        MetricsText.Buckets later = LoadRun.predictionAge(MetricsText.parse(SCRAPE.replace("le=\"0.1\"} 10.0", "le=\"0.1\"} 30.0")
                .replace("le=\"1.0\"} 90.0", "le=\"1.0\"} 110.0").replace("le=\"+Inf\"} 100.0", "le=\"+Inf\"} 120.0")));
        MetricsText.Buckets between = later.since(b);
        assertThat(between.count()).isEqualTo(20);
        assertThat(between.quantile(0.5)).isCloseTo(0.05, within(1e-9));
        assertThat(MetricsText.Buckets.class).isNotNull();
        assertThat(new MetricsText.Buckets(new java.util.TreeMap<>()).quantile(0.5)).isNaN();
    }

    @Test
    void twoNodesScrapes_addUp() {
        MetricsText both = MetricsText.of(List.of(MetricsText.parse(SCRAPE), MetricsText.parse(SCRAPE)));
        assertThat(LoadRun.processorLag(both)).isEqualTo(14);
        assertThat(LoadRun.predictionAge(both).count()).isEqualTo(200);
    }

    @Test
    void storedRows_whenANodesCounterGoes_isUnknownForThatSecond_notNegative() {
        assertThat(LoadRun.storedSince(1_000, 1_250)).isEqualTo(250);
        assertThat(LoadRun.storedSince(1_250, 1_250)).isZero();
        assertThat(LoadRun.storedSince(1_250, 600)).as("a node died or restarted: the sum over the nodes fell").isNaN();
    }
}
