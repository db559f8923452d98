/// How a commitment compares its measured value with its target.
public enum SLAComparison: String, CaseIterable, Sendable {
    case atLeast = ">="
    case atMost = "<="
    case above = ">"
    case below = "<"

    /// Whether `measured` keeps the commitment: a value exactly on the target
    /// keeps `>=` and `<=`, and misses `>` and `<`.
    public func isMet(measured: Double, target: Double) -> Bool {
        switch self {
        case .atLeast: measured >= target
        case .atMost: measured <= target
        case .above: measured > target
        case .below: measured < target
        }
    }

    /// How far the measured value is on the good side of the target:
    /// `measured − target` for `>=` and `>`, `target − measured` for `<=` and
    /// `<`. Positive is better whatever the direction, so margins of different
    /// commitments read alike (a negative margin is the size of the miss).
    public func margin(measured: Double, target: Double) -> Double {
        switch self {
        case .atLeast, .above: measured - target
        case .atMost, .below: target - measured
        }
    }
}
