/// Logarithm and exponential built from plain IEEE-754 arithmetic only.
///
/// The platform `log`/`exp` may round differently from one C library to the
/// next, and a single ulp is enough to flip a truncated number of seconds.
/// The generator promises byte-identical output for a configuration, so
/// every random draw goes through these instead. They are accurate to about
/// 1e-12 relative, far beyond what a synthetic waiting time needs.
enum DeterministicMath {
    private static let ln2 = 0.693_147_180_559_945_3
    private static let ln2High = 0.693_147_180_369_123_8
    private static let ln2Low = 1.908_214_929_270_587_7e-10
    private static let sqrt2 = 1.414_213_562_373_095_1

    /// Natural logarithm of a positive, finite `x`.
    static func log(_ x: Double) -> Double {
        var exponent = Int(x.exponent)
        var mantissa = x.significand
        if mantissa > sqrt2 {
            mantissa *= 0.5
            exponent += 1
        }
        // ln(m) = 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series = 2.0 / 15
        series = 2.0 / 13 + s2 * series
        series = 2.0 / 11 + s2 * series
        series = 2.0 / 9 + s2 * series
        series = 2.0 / 7 + s2 * series
        series = 2.0 / 5 + s2 * series
        series = 2.0 / 3 + s2 * series
        series = 2.0 + s2 * series
        return Double(exponent) * ln2 + s * series
    }

    /// e raised to `x`; underflows to 0 below −700 and saturates above 700.
    static func exp(_ x: Double) -> Double {
        if x < -700 { return 0 }
        let x = min(x, 700)
        let n = (x / ln2).rounded()
        let r = (x - n * ln2High) - n * ln2Low
        // Taylor series of e^r to degree 12, |r| ≤ 0.35: error below 1e-13.
        var poly = 1.0 / 479_001_600
        poly = 1.0 / 39_916_800 + r * poly
        poly = 1.0 / 3_628_800 + r * poly
        poly = 1.0 / 362_880 + r * poly
        poly = 1.0 / 40_320 + r * poly
        poly = 1.0 / 5_040 + r * poly
        poly = 1.0 / 720 + r * poly
        poly = 1.0 / 120 + r * poly
        poly = 1.0 / 24 + r * poly
        poly = 1.0 / 6 + r * poly
        poly = 0.5 + r * poly
        poly = 1 + r * poly
        poly = 1 + r * poly
        return poly * Double(sign: .plus, exponent: Int(n), significand: 1)
    }
}
