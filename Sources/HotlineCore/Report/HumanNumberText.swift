/// Numbers as people read them in the table output: counts with thousands
/// separators, rates as percentages with one decimal, durations in the
/// compact `2m13s` style of `kubectl`, quotients with two decimals. Exact
/// values belong to the JSON and CSV outputs; here legibility wins. Public so
/// that the command line's progress line speaks the same way.
public enum HumanNumberText {
    /// Shown for `null`: a dash reads as "no value", where `0` would be a claim.
    static let noValue = "—"

    /// The value of `metric` in `scope`, formatted for the metric's unit.
    static func value(of metric: Metric, in scope: ScopeMetrics) -> String {
        self.metric(scope[metric], unit: metric.unit)
    }

    /// `value` formatted for its metric's `unit`.
    package static func metric(_ value: MetricValue, unit: MetricUnit) -> String {
        switch value.normalized {
        case .null:
            noValue
        case .integer(let integer):
            switch unit {
            case .count: grouped(integer)
            case .fraction: percent(Double(integer))
            case .seconds: duration(seconds: Double(integer), tenthsBelowAMinute: false)
            case .ratio: fixed(Double(integer), fractionDigits: 2)
            }
        case .real(let real):
            switch unit {
            case .count, .ratio: fixed(real, fractionDigits: 2)
            case .fraction: percent(real)
            case .seconds: duration(seconds: real, tenthsBelowAMinute: true)
            }
        }
    }

    /// `1,234,567`.
    public static func grouped(_ value: some BinaryInteger) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `value` rounded half away from zero to `fractionDigits` decimals, with
    /// a grouped integer part: `2.14`, `1,234.50`.
    public static func fixed(_ value: Double, fractionDigits: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = value.magnitude * Double(scale)
        // Beyond this a UInt64 cannot hold the digits; no real metric gets there.
        guard scaled < 1e19 else { return value.description }
        let units = nearest(scaled)
        var text = grouped(units / scale)
        if fractionDigits > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// A rate in 0...1 as `46.2 %`.
    static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, fractionDigits: 1) + " %"
    }

    /// `17.5s` (or `12s` for whole seconds) under a minute, then `2m13s`,
    /// `9h30m`, `3d4h`: two units at most, the smaller one rounded and
    /// omitted when zero, as `kubectl` prints ages.
    static func duration(seconds: Double, tenthsBelowAMinute: Bool) -> String {
        let magnitude = seconds.magnitude
        guard magnitude < 1e18 else { return seconds.description + "s" }
        let sign = seconds < 0 ? "-" : ""
        if tenthsBelowAMinute && nearest(magnitude * 10) < 600 {
            return sign + fixed(magnitude, fractionDigits: 1) + "s"
        }
        let wholeSeconds = nearest(magnitude)
        if wholeSeconds < 60 {
            return sign + "\(wholeSeconds)s"
        }
        if wholeSeconds < 3_600 {
            return sign + pair(wholeSeconds / 60, "m", wholeSeconds % 60, "s")
        }
        let minutes = nearest(magnitude / 60)
        if minutes < 1_440 {
            return sign + pair(minutes / 60, "h", minutes % 60, "m")
        }
        let hours = nearest(magnitude / 3_600)
        return sign + pair(hours / 24, "d", hours % 24, "h")
    }

    /// A byte count in binary units: `512 B`, `3.2 KiB`, `1.5 GiB`.
    public static func bytes(_ count: Int64) -> String {
        guard count >= 1_024 else { return grouped(count) + " B" }
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(count) / 1_024
        var unit = 0
        while nearest(value * 10) >= 10_240 && unit < units.count - 1 {
            value /= 1_024
            unit += 1
        }
        return fixed(value, fractionDigits: 1) + " " + units[unit]
    }

    /// `2 files`, `1 file`: every count a person reads takes the noun's right number.
    public static func counted(_ count: some BinaryInteger, _ singular: String, _ plural: String) -> String {
        grouped(count) + " " + (count == 1 ? singular : plural)
    }

    /// `magnitude` (finite, in 0..<1e19) rounded half away from zero.
    ///
    /// Written with integer conversion rather than `Double.rounded()`, which
    /// calls libm's `round` on Linux: HotlineCore links no Foundation, so a
    /// client without it would fail to link.
    private static func nearest(_ magnitude: Double) -> UInt64 {
        let whole = UInt64(magnitude)
        return magnitude - Double(whole) >= 0.5 ? whole + 1 : whole
    }

    private static func pair(_ major: UInt64, _ majorUnit: String, _ minor: UInt64, _ minorUnit: String) -> String {
        minor == 0 ? "\(major)\(majorUnit)" : "\(major)\(majorUnit)\(minor)\(minorUnit)"
    }
}
