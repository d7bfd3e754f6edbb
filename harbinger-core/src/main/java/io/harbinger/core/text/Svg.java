package io.harbinger.core.text;

import java.util.List;
import java.util.Locale;

/** A minimal SVG writer: each element on one line, text escaped, coordinates with one decimal. */
public final class Svg {
    private final StringBuilder out = new StringBuilder();

    public Svg(int width, int height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<title>").append(xml(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
                .append("\" stroke=\"").append(stroke).append("\"/>\n");
        return this;
    }

    /** {@code anchor}: start, middle or end; {@code rotate}: degrees about the anchor point. */
    public Svg text(double x, double y, String text, String anchor, int rotate, String cssClass) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) out.append(" transform=\"rotate(").append(rotate).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        out.append('>').append(xml(text)).append("</text>\n");
        return this;
    }

    public Svg rect(double x, double y, double width, double height, String fill, String cssClass) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill, String cssClass) {
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** {@code xy}: the points, each {@code {x, y}}. */
    public Svg polyline(List<double[]> xy, String stroke, String cssClass) {
        out.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < xy.size(); i++) out.append(i == 0 ? "" : " ").append(n(xy.get(i)[0])).append(',').append(n(xy.get(i)[1]));
        out.append("\"/>\n");
        return this;
    }

    public String end() {
        return out.append("</svg>\n").toString();
    }

    /** Text in XML character data or an attribute value: markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
    public static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            default -> allowedInXml(c) ? Character.toString(c) : "\uFFFD";
        }));
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }

    private static String n(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("SVG coordinate must be finite, was " + v);
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
