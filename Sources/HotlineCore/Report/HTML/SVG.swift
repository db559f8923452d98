/// The few SVG elements the charts draw, written as text.
///
/// Every coordinate goes through ``number(_:)`` (one fixed decimal, a
/// non-finite value drawn at 0), so the page is byte-for-byte deterministic
/// and can never hold `NaN`; every text goes through ``HTMLText/escaped(_:)``.
/// Colours are CSS classes, so the page's light and dark themes apply.
enum SVG {
    enum Anchor: String {
        case start, middle, end
    }

    /// `12.5`, `-3.0`: tenths, rounded half away from zero.
    ///
    /// Written with integer conversion: `Double.rounded()` needs libm, which
    /// HotlineCore does not link (see `HumanNumberText`).
    static func number(_ value: Double) -> String {
        let scaled = value * 10
        guard scaled.isFinite, scaled.magnitude < 1e15 else { return "0.0" }
        let tenths = Int64(scaled + (scaled < 0 ? -0.5 : 0.5))
        return (tenths < 0 ? "-" : "") + String(tenths.magnitude / 10) + "." + String(tenths.magnitude % 10)
    }

    /// A whole chart: `<svg>` scaled to its container's width by its
    /// `viewBox`, titled for screen readers and tooltips, `id` for tests and links.
    static func chart(id: String, title: String, width: Double, height: Double, content: [String]) -> String {
        "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\""
            + " aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(HTMLText.escaped(title))</title>\n"
            + content.joined(separator: "\n") + "\n</svg>"
    }

    /// A rectangle with its value as a tooltip; a negative size is drawn as empty.
    static func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String, tooltip: String? = nil) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\""
            + " height=\"\(number(max(0, height)))\" class=\"\(cssClass)\">" + titleElement(tooltip) + "</rect>"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" class=\"\(cssClass)\"/>"
    }

    static func circle(x: Double, y: Double, radius: Double, cssClass: String, tooltip: String? = nil) -> String {
        "<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\" class=\"\(cssClass)\">"
            + titleElement(tooltip) + "</circle>"
    }

    /// A polyline through `points`, one `M … L …` run each.
    static func path(runs: [[(x: Double, y: Double)]], cssClass: String) -> String {
        let data = runs.filter { !$0.isEmpty }.map { run in
            run.enumerated().map { ($0 == 0 ? "M" : "L") + number($1.x) + " " + number($1.y) }.joined(separator: " ")
        }
        return "<path d=\"\(data.joined(separator: " "))\" class=\"\(cssClass)\"/>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, cssClass: String = "label") -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(cssClass)\">"
            + HTMLText.escaped(content) + "</text>"
    }

    /// Elements that share one tooltip (e.g. the bars of one hour).
    static func group(cssClass: String, tooltip: String, content: [String]) -> String {
        "<g class=\"\(cssClass)\">" + titleElement(tooltip) + content.joined() + "</g>"
    }

    /// A row of colour swatches with their names, from `x` rightwards.
    static func legend(_ entries: [(cssClass: String, label: String)], x: Double, y: Double) -> [String] {
        var elements: [String] = []
        var left = x
        for entry in entries {
            elements.append(rect(x: left, y: y - 10, width: 12, height: 12, cssClass: entry.cssClass))
            elements.append(text(entry.label, x: left + 17, y: y, cssClass: "legend"))
            // Wide enough for the system fonts' widest glyphs at the legend's size.
            left += 17 + Double(entry.label.count) * 7.2 + 18
        }
        return elements
    }

    private static func titleElement(_ tooltip: String?) -> String {
        tooltip.map { "<title>" + HTMLText.escaped($0) + "</title>" } ?? ""
    }
}
