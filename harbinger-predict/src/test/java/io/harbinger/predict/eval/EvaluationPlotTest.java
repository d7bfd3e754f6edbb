package io.harbinger.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class EvaluationPlotTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private final Evaluation e = Evaluation.of(Drives.smallFleet(), 10, 0.5);

    @Test
    void svg_parses_as_xml_with_an_svg_root() throws Exception {
        Element root = parse(EvaluationPlot.svg(e)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
    }

    @Test
    void svg_draws_the_pr_curve_through_every_curve_point() throws Exception {
        List<Element> curves = withClass(parse(EvaluationPlot.svg(e)), "polyline", "pr-curve");
        assertThat(curves).hasSize(1);
        // recall 1/3 precision 1 -> x = 70 + 120, y = 370 - 320; the last point recall 1, precision 3/8
        assertThat(curves.getFirst().getAttribute("points").split(" ")).hasSize(e.prCurve().size()).startsWith("190.0,50.0").endsWith("430.0,250.0");
    }

    @Test
    void svg_marks_and_labels_the_model_operating_point_and_both_rule_points() throws Exception {
        Document svg = parse(EvaluationPlot.svg(e));
        Element model = withClass(svg, "circle", "model-point").getFirst();
        assertThat(model.getAttribute("cx")).isEqualTo("310.0");  // recall 2/3
        assertThat(model.getAttribute("cy")).isEqualTo("210.0");  // precision 0.5
        assertThat(withClass(svg, "rect", "rule-point")).hasSize(1);
        assertThat(texts(svg, "model-point-label")).containsExactly("model @ 0.5000 (0.67, 0.50)");
        assertThat(texts(svg, "rule-point-label")).containsExactly("SMART rule (0.67, 0.40)");
        Element delta = withClass(svg, "rect", "delta-point").getFirst();
        assertThat(delta.getAttribute("x")).isEqualTo("305.0");  // recall 2/3, minus half the square
        assertThat(delta.getAttribute("y")).isEqualTo("151.7");  // precision 2/3: 370 - 213.3, minus 5
        assertThat(texts(svg, "delta-point-label")).containsExactly("delta rule (0.67, 0.67)");
    }

    @Test
    void svg_has_a_model_and_a_rule_bar_per_lead_time_bin_labelled_in_days() throws Exception {
        Document svg = parse(EvaluationPlot.svg(e));
        assertThat(withClass(svg, "rect", "bar model")).hasSize(12);
        assertThat(withClass(svg, "rect", "bar rule")).hasSize(12);
        assertThat(texts(svg, "tick")).contains("10-29", ">=30", "0.0", "1.0");
        assertThat(texts(svg, "axis-label")).contains("recall", "precision", "lead time (days before failure)");
        Element bin7 = withClass(svg, "rect", "bar model").get(7);
        assertThat(bin7.getAttribute("height")).isEqualTo("64.0");  // 1 drive of a 5-drive axis, 320 px high
    }

    @Test
    void svg_escapes_its_title() throws Exception {
        Document svg = parse(EvaluationPlot.svg(e, "a < b & \"c\" \u0001"));
        assertThat(svg.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent()).isEqualTo("a < b & \"c\" \uFFFD");
    }

    @Test
    void svg_of_a_fleet_without_failures_still_parses_and_says_there_is_no_curve() throws Exception {
        Evaluation healthyOnly = Evaluation.of(List.of(Drives.drive("h").days(0, 3, 0.9).build()), 10, 0.5);
        String text = EvaluationPlot.svg(healthyOnly);
        assertThat(text).doesNotContain("NaN", "Infinity");
        Document svg = parse(text);
        assertThat(texts(svg, "empty")).containsExactly("no failed drive: no curve");
        assertThat(withClass(svg, "circle", "model-point")).isEmpty();
    }

    @Test
    void niceMax_is_a_multiple_of_five_reaching_the_count() {
        assertThat(List.of(EvaluationPlot.niceMax(0), EvaluationPlot.niceMax(1), EvaluationPlot.niceMax(5), EvaluationPlot.niceMax(6), EvaluationPlot.niceMax(123)))
                .containsExactly(5, 5, 5, 10, 125);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document svg, String tag, String cssClass) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NS, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element el = (Element) nodes.item(i);
            if (el.getAttribute("class").equals(cssClass)) found.add(el);
        }
        return found;
    }

    private static List<String> texts(Document svg, String cssClass) {
        return withClass(svg, "text", cssClass).stream().map(Element::getTextContent).toList();
    }
}
