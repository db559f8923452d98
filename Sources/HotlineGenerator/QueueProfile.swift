/// One service line of the hotline and how it behaves.
///
/// The queues differ on purpose, so that per-queue reports differ: load,
/// staffing, opening hours, patience of its callers, length of its calls and
/// how often its cases resolve or escalate.
struct QueueProfile: Sendable {
    let name: QueueName
    /// Short prefix of the queue's agent ids.
    let agentPrefix: String
    /// Share of new problems that start on this line, in per mille.
    let sharePerMille: Int
    let hours: OpeningHours
    /// Capacity relative to an ordinary weekday's peak demand: below 1 the
    /// line is overloaded at peaks (long waits, busy signals).
    let staffing: Double
    /// Typical wait in seconds when demand equals capacity.
    let waitScale: Double
    /// The switch ends a wait here (`timeout`).
    let maximumWait: Int
    /// Mean patience of an ordinary caller, in seconds.
    let patience: Double
    /// Median talk time, seconds.
    let talkMedian: Double
    /// Share of answered calls taken by a level-2 agent directly.
    let secondLevelOnPhone: Double
    /// Outcome shares of a first-level contact on a new case.
    let resolve: Double
    let escalate: Double
    let transfer: Double
    let progress: Double
    /// Agents per level (1, 2, 3).
    let agentsPerLevel: [Int]

    /// The hotline's five lines: `support, EU` needs CSV quoting and
    /// `réclamations` is not ASCII, so every dataset exercises both.
    static let all: [QueueProfile] = [
        QueueProfile(
            name: QueueName("billing"), agentPrefix: "bil", sharePerMille: 320,
            hours: OpeningHours([(8, 18), (8, 18), (8, 18), (8, 18), (8, 18), (9, 12), nil]),
            staffing: 0.8, waitScale: 40, maximumWait: 600, patience: 150, talkMedian: 250,
            secondLevelOnPhone: 0.03, resolve: 0.50, escalate: 0.08, transfer: 0.06, progress: 0.14,
            agentsPerLevel: [40, 10, 3]),
        QueueProfile(
            name: QueueName("technical"), agentPrefix: "tec", sharePerMille: 280,
            hours: OpeningHours([(8, 20), (8, 20), (8, 20), (8, 20), (8, 20), (9, 17), nil]),
            staffing: 0.65, waitScale: 55, maximumWait: 300, patience: 180, talkMedian: 460,
            secondLevelOnPhone: 0.10, resolve: 0.33, escalate: 0.22, transfer: 0.05, progress: 0.16,
            agentsPerLevel: [35, 14, 5]),
        QueueProfile(
            name: QueueName("orders"), agentPrefix: "ord", sharePerMille: 220,
            hours: OpeningHours([(8, 19), (8, 19), (8, 19), (8, 19), (8, 19), (8, 19), nil]),
            staffing: 0.95, waitScale: 25, maximumWait: 600, patience: 120, talkMedian: 190,
            secondLevelOnPhone: 0, resolve: 0.58, escalate: 0.05, transfer: 0.08, progress: 0.10,
            agentsPerLevel: [25, 5, 2]),
        QueueProfile(
            name: QueueName("support, EU"), agentPrefix: "seu", sharePerMille: 110,
            hours: OpeningHours([(7, 18), (7, 18), (7, 18), (7, 18), (7, 18), nil, nil]),
            staffing: 0.75, waitScale: 45, maximumWait: 480, patience: 160, talkMedian: 330,
            secondLevelOnPhone: 0.06, resolve: 0.42, escalate: 0.14, transfer: 0.07, progress: 0.13,
            agentsPerLevel: [15, 6, 3]),
        QueueProfile(
            name: QueueName("réclamations"), agentPrefix: "rec", sharePerMille: 70,
            hours: OpeningHours([(9, 17), (9, 17), (9, 17), (9, 17), (9, 17), nil, nil]),
            staffing: 0.6, waitScale: 70, maximumWait: 300, patience: 200, talkMedian: 420,
            secondLevelOnPhone: 0.15, resolve: 0.28, escalate: 0.25, transfer: 0.05, progress: 0.15,
            agentsPerLevel: [8, 5, 2]),
    ]

    /// `sharePerMille` of every queue, as weights for `RandomSource.pick`.
    static let shares: [Double] = all.map { Double($0.sharePerMille) }

    /// Demand over capacity at an instant (1 = exactly staffed).
    @inline(__always)
    func pressure(at instant: Int) -> Double {
        TrafficCurve.demand(at: instant) / staffing
    }
}

/// A queue's name as each log writes it.
///
/// CSV needs `support, EU` quoted, while a queue_log splits its fields at `|`
/// only and writes the name verbatim; both forms are built once so writing a
/// name stays a copy.
struct QueueName: Sendable {
    /// RFC 4180 form: quoted (inner quotes doubled) when it holds a comma or a quote.
    let csv: ByteToken
    /// The name itself, as a switch writes it.
    let verbatim: ByteToken

    init(_ name: String) {
        verbatim = ByteToken(name)
        guard name.contains(",") || name.contains("\"") else {
            csv = verbatim
            return
        }
        csv = ByteToken("\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"")
    }
}
