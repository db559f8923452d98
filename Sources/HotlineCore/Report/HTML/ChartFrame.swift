/// The geometry of one chart: its `viewBox` size and the margins around the
/// plot area that hold the axes' labels, with the drawing every chart shares
/// (horizontal gridlines, the "no data" message).
struct ChartFrame {
    var width: Double
    var height: Double
    var left: Double = 56
    var right: Double = 16
    var top: Double = 36
    var bottom: Double = 40

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }
    var plotWidth: Double { plotRight - plotLeft }
    var plotHeight: Double { plotBottom - plotTop }

    /// The y coordinate of `value` on `scale` (0 at the bottom of the plot).
    func y(_ value: Double, on scale: NiceScale) -> Double {
        plotBottom - value / scale.top * plotHeight
    }

    /// A gridline and a label at every tick of `scale`, and a title (if any)
    /// for the axis above the labels; `label` formats a tick (default: the scale's own).
    func valueAxis(_ scale: NiceScale, title: String, label: ((Double) -> String)? = nil) -> [String] {
        var elements = title.isEmpty ? [] : [SVG.text(title, x: 4, y: plotTop - 14, cssClass: "axis-title")]
        for tick in scale.ticks {
            let y = y(tick, on: scale)
            elements.append(SVG.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, cssClass: tick == 0 ? "baseline" : "grid"))
            elements.append(SVG.text(label?(tick) ?? scale.label(tick), x: plotLeft - 6, y: y + 4, anchor: .end, cssClass: "tick"))
        }
        return elements
    }

    /// A message in the middle of the chart instead of the data.
    func message(_ text: String) -> [String] {
        [
            SVG.rect(x: 0.5, y: 0.5, width: width - 1, height: height - 1, cssClass: "empty-frame"),
            SVG.text(text, x: width / 2, y: height / 2 + 5, anchor: .middle, cssClass: "empty"),
        ]
    }
}
