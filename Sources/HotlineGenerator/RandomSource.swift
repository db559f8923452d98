/// The generator's own pseudo-random numbers: xoshiro256** seeded through
/// SplitMix64.
///
/// The system generator is neither seedable nor stable across releases, and
/// the datasets built from a seed must be reproducible byte for byte, so the
/// algorithm is fixed here. Every distribution below uses only integer
/// arithmetic and `DeterministicMath`.
struct RandomSource {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A source for `seed`; distinct `stream` values give independent
    /// sequences, so arrival times and caller behaviour do not disturb each
    /// other when one model changes how many draws it makes.
    init(seed: UInt64, stream: UInt64) {
        var state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in (0, 1]: safe to take the logarithm of.
    mutating func openUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// Uniform integer in 0..<bound (`bound` > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// Exponential with mean 1.
    mutating func exponential() -> Double {
        -DeterministicMath.log(openUnit())
    }

    /// Standard normal, by Marsaglia's polar method (no trigonometry needed).
    mutating func normal() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * DeterministicMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Log-normal with the given median and shape: the usual model for talk
    /// times and human delays, which are positive and right-skewed.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * DeterministicMath.exp(sigma * normal())
    }

    /// Weibull with the given scale and shape; a shape below 1 gives the
    /// long tail of waiting times in an overloaded queue.
    mutating func weibull(scale: Double, shape: Double) -> Double {
        scale * DeterministicMath.exp(DeterministicMath.log(exponential() + 1e-300) / shape)
    }

    /// Index of a weight drawn in proportion to `weights` (all ≥ 0, sum > 0).
    mutating func pick(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}
