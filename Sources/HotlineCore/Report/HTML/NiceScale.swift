/// A value axis from 0 to a round top, with round steps (1, 2 or 5 times a
/// power of ten), so that gridlines read `0, 200, 400` rather than `0, 187, 374`.
///
/// Loops instead of `log10` and `pow`, which need libm (see `HumanNumberText`).
struct NiceScale {
    let step: Double
    let top: Double

    /// About `ticks` steps up to at least `maximum`; `minimumStep` keeps
    /// counts on whole numbers. A maximum of 0 (or not finite) gives a scale
    /// of one `minimumStep` (or 1), so that nothing divides by zero.
    init(maximum: Double, ticks: Int = 4, minimumStep: Double = 0) {
        guard maximum.isFinite, maximum > 0 else {
            step = minimumStep > 0 ? minimumStep : 1
            top = step
            return
        }
        let raw = maximum / Double(max(1, ticks))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let round = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        step = max(round, minimumStep)
        var steps = Int64(maximum / step)
        if Double(steps) * step < maximum { steps += 1 }
        top = Double(max(1, steps)) * step
    }

    /// 0, step, 2·step … top.
    var ticks: [Double] {
        let count = Int64(top / step + 0.5)
        return (0...count).map { Double($0) * step }
    }

    /// A tick's label: a whole number grouped, a fraction with the decimals the step needs.
    func label(_ value: Double) -> String {
        HumanNumberText.fixed(value, fractionDigits: step >= 1 ? 0 : step >= 0.1 ? 1 : 2)
    }
}
