/// One promise of a service catalogue: a SPEC metric, measured per period on
/// the service's queues (and, optionally, at one support level), compared
/// with a target — a degraded-mode target on degraded days — with a penalty
/// owed for every period it is missed.
public struct SLACommitment: Equatable, Sendable {
    public var metric: Metric
    public var comparison: SLAComparison
    public var target: Double
    /// The answer threshold of a `service_level` commitment; `nil`: the
    /// report's `--sl-threshold`.
    public var thresholdSeconds: Int64?
    /// 1...3, or `nil` for every level.
    public var level: UInt8?
    public var period: SLAPeriod
    /// The target of a period that holds a degraded day; `nil`: `target` always.
    public var degradedTarget: Double?
    /// Owed for each missed period, in whole units of the catalogue's currency.
    public var penalty: Int64
    /// Where the commitment was written: 1-based line in the catalogue file.
    public var line: Int

    public init(metric: Metric, comparison: SLAComparison, target: Double, thresholdSeconds: Int64? = nil,
                level: UInt8? = nil, period: SLAPeriod, degradedTarget: Double? = nil, penalty: Int64 = 0,
                line: Int = 0) {
        self.metric = metric
        self.comparison = comparison
        self.target = target
        self.thresholdSeconds = thresholdSeconds
        self.level = level
        self.period = period
        self.degradedTarget = degradedTarget
        self.penalty = penalty
        self.line = line
    }

    /// A service's commitment replaces the catalogue default with the same
    /// metric, level and period; two commitments of one block may not share it.
    public var identity: Identity { Identity(metric: metric, level: level, period: period) }

    public struct Identity: Hashable, Sendable {
        public var metric: Metric
        public var level: UInt8?
        public var period: SLAPeriod
    }
}

/// A service of the catalogue: the queues it covers, its opening hours as
/// written, and its commitments once the catalogue's defaults are applied.
public struct SLAService: Equatable, Sendable {
    public var name: String
    public var queues: [String]
    /// Documented and echoed, not used to filter rows (docs/sla.md): the
    /// switch already marks calls outside opening hours `closed`.
    public var openingHours: [String]
    /// Commitments in force: each default, or the service's own commitment
    /// that overrides it, in the defaults' order, then the service's others.
    public var commitments: [SLACommitment]
    /// Whether each commitment of `commitments` comes from the catalogue's defaults.
    public var inherited: [Bool]

    /// `own` overrides every default of the same identity (metric, level,
    /// period); within `own`, and within `defaults`, identities are distinct.
    public init(name: String, queues: [String], openingHours: [String] = [], own: [SLACommitment],
                defaults: [SLACommitment]) {
        self.name = name
        self.queues = queues
        self.openingHours = openingHours
        var commitments: [SLACommitment] = []
        var inherited: [Bool] = []
        let ownByIdentity = Dictionary(own.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        for commitment in defaults {
            if let override = ownByIdentity[commitment.identity] {
                commitments.append(override)
                inherited.append(false)
            } else {
                commitments.append(commitment)
                inherited.append(true)
            }
        }
        let defaultIdentities = Set(defaults.map(\.identity))
        for commitment in own where !defaultIdentities.contains(commitment.identity) {
            commitments.append(commitment)
            inherited.append(false)
        }
        self.commitments = commitments
        self.inherited = inherited
    }
}

/// A service catalogue, validated: what `hotline report --sla` checks.
public struct SLACatalogue: Equatable, Sendable {
    /// The currency penalties are counted in; `nil` when no commitment has a penalty.
    public var currency: String?
    /// Local days (days since 1970-01-01) in degraded mode, ascending.
    public var degradedDays: [Int64]
    public var services: [SLAService]

    public init(currency: String? = nil, degradedDays: [Int64] = [], services: [SLAService]) {
        self.currency = currency
        self.degradedDays = degradedDays.sorted()
        self.services = services
    }

    /// The catalogue with each service split into one service per queue,
    /// same name and commitments: judged on one queue alone, as a queue's
    /// card in the HTML report shows it, not on its service's sum.
    var perQueue: SLACatalogue {
        var split = self
        split.services = services.flatMap { service in
            service.queues.map { queue in
                var alone = service
                alone.queues = [queue]
                return alone
            }
        }
        return split
    }
}
