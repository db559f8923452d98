/// How a caller reacts when the hotline does not answer.
///
/// Most people give up after a failed attempt or two; a minority redial
/// quickly and hang up early again (serial redialers), and a few are
/// stubborn. That minority produces the long tail of customers with tens of
/// attempts that "calls per useful contact" is meant to expose.
struct CallerPersona: Sendable {
    /// Multiplies the queue's mean patience.
    let patienceFactor: Double
    /// Chance of giving up the problem after each failed attempt.
    let giveUpChance: Double
    /// Multiplies the delay before redialling.
    let redialFactor: Double

    static let all = [
        CallerPersona(patienceFactor: 1.0, giveUpChance: 0.35, redialFactor: 1.0),   // ordinary
        CallerPersona(patienceFactor: 2.5, giveUpChance: 0.12, redialFactor: 1.5),   // patient
        CallerPersona(patienceFactor: 0.3, giveUpChance: 0.035, redialFactor: 0.25),  // serial redialer
        CallerPersona(patienceFactor: 1.2, giveUpChance: 0.015, redialFactor: 0.6),   // stubborn
    ]

    /// Share of each persona among new problems.
    static let weights = [0.68, 0.12, 0.14, 0.06]
}
