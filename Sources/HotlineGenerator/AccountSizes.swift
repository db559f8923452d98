/// Who comes back with a new problem: customers weighted by the size of
/// their account.
///
/// Most customers are private persons with a single line (weight 1), who
/// rarely come back; a few are companies with many users, whose weight
/// follows a Pareto law (P(weight ≥ w) = w^−1.5, capped at 60). Returning
/// problems are drawn in proportion to weight, so most customers call once
/// or twice while a long tail of accounts calls again and again.
struct AccountSizes {
    static let maximumWeight = 60
    /// Each customer appears as many times as its weight.
    private var tickets: [UInt32] = []

    /// Registers new customer `customer` with a random weight.
    mutating func add(_ customer: Int, random: inout RandomSource) {
        // Inverse transform of the Pareto law: u^(−1/1.5) ≥ 1 for u in (0, 1].
        let pareto = DeterministicMath.exp(-DeterministicMath.log(random.openUnit()) / 1.5)
        let weight = min(Self.maximumWeight, Int(pareto))
        for _ in 0..<weight { tickets.append(UInt32(truncatingIfNeeded: customer)) }
    }

    /// A registered customer, in proportion to its weight.
    mutating func pick(random: inout RandomSource) -> Int {
        Int(tickets[random.below(tickets.count)])
    }
}
