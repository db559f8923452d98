/// The thresholds a report was computed with, echoed so that a stored report
/// says how its service level and short abandons were defined.
public struct ReportParameters: Equatable, Sendable {
    /// `--sl-threshold` and `--short-abandon`.
    public var thresholds: CallThresholds
    /// The `--tz` value as the user gave it.
    public var timeZone: String

    public init(thresholds: CallThresholds = CallThresholds(), timeZone: String = "UTC") {
        self.thresholds = thresholds
        self.timeZone = timeZone
    }
}

/// Rows accepted and rejected for one kind of log; `rows + rejected` is the
/// number of data lines read, so nothing is ever lost silently.
public struct RowCounts: Equatable, Sendable {
    public var rows: Int64
    public var rejected: Int64

    public init(rows: Int64 = 0, rejected: Int64 = 0) {
        self.rows = rows
        self.rejected = rejected
    }
}

/// What was read to produce a report (SPEC §4 `input`).
public struct InputSummary: Equatable, Sendable {
    public var files: Int
    /// Size of the files on disk.
    public var bytesRead: Int64
    /// Size after decompression (equal to `bytesRead` for plain files), headers included.
    public var bytesDecoded: Int64
    public var calls: RowCounts
    public var contacts: RowCounts
    /// What the switch-log adapters saw; nil when every input is canonical CSV.
    public var switchLogs: SwitchLogSummary?
    /// The one local day a report was restricted to (`hotline nightly`), and the rows left out.
    public var day: DaySelection?
    /// Outcomes no input could record — a stock queue_log logs no busy or
    /// closed attempt, a run without any call log logs neither — shown as not
    /// recorded instead of as a measured zero.
    public var notRecorded: [CallOutcome] = []

    public init(files: Int = 0, bytesRead: Int64 = 0, bytesDecoded: Int64 = 0,
                calls: RowCounts = RowCounts(), contacts: RowCounts = RowCounts(),
                switchLogs: SwitchLogSummary? = nil) {
        self.files = files
        self.bytesRead = bytesRead
        self.bytesDecoded = bytesDecoded
        self.calls = calls
        self.contacts = contacts
        self.switchLogs = switchLogs
    }
}

/// The local day a report keeps rows of: a nightly job reads files that may
/// reach over midnight (a rotated log, a week's export) and reports one day.
/// Rows of other days are neither rejected nor lost: they are counted here,
/// so `rows + rejected + outside` is every data line read.
public struct DaySelection: Equatable, Sendable {
    /// `YYYY-MM-DD` in the report's zone.
    public var date: String
    public var callsOutside: Int64
    public var contactsOutside: Int64

    public init(date: String, callsOutside: Int64 = 0, contactsOutside: Int64 = 0) {
        self.date = date
        self.callsOutside = callsOutside
        self.contactsOutside = contactsOutside
    }
}

/// What the queue_log and CDR adapters read besides the attempts they derived
/// (docs/asterisk.md): the gaps a switch log has, counted rather than guessed.
public struct SwitchLogSummary: Equatable, Sendable {
    public var queueLogLines: Int64 = 0
    /// Known events that change no attempt, and events that could not apply.
    public var eventsIgnored: Int64 = 0
    /// Event names hotline does not know.
    public var eventsUnknown: Int64 = 0
    public var duplicateLines: Int64 = 0
    /// Calls with no final event, and final events without their `ENTERQUEUE`.
    public var incompleteCalls: Int64 = 0
    public var cdrRows: Int64 = 0
    public var cdrCalls: Int64 = 0
    /// CDR calls that entered a queue: counted from the queue_log, never from the CDR.
    public var cdrQueuedCalls: Int64 = 0
    public var cdrNotInbound: Int64 = 0

    public init() {}

    /// Adds the counts of another part of the input.
    public mutating func add(_ other: SwitchLogSummary) {
        queueLogLines += other.queueLogLines
        eventsIgnored += other.eventsIgnored
        eventsUnknown += other.eventsUnknown
        duplicateLines += other.duplicateLines
        incompleteCalls += other.incompleteCalls
        cdrRows += other.cdrRows
        cdrCalls += other.cdrCalls
        cdrQueuedCalls += other.cdrQueuedCalls
        cdrNotInbound += other.cdrNotInbound
    }
}

extension InputSummary {
    /// The metrics that cannot be given when outcomes are not recorded.
    public var unmeasurableMetrics: [Metric] {
        var metrics: [Metric] = []
        if notRecorded.contains(.busy) { metrics.append(.busy) }
        if notRecorded.contains(.closed) { metrics += [.closed, .reachabilityOpenHours] }
        return metrics
    }
}

/// A complete report: every metric overall, per queue and per day (SPEC §3–4).
public struct Report: Equatable, Sendable {
    public var parameters: ReportParameters
    public var input: InputSummary
    public var overall: ScopeMetrics
    /// Queues in byte order of their names.
    public var byQueue: [NamedScope]
    /// Days in chronological order.
    public var byDay: [NamedScope]
    /// Local hours of day (`00`…`23`) with rows, summed over the report's
    /// days; only in a detailed report. Customer metrics count a customer
    /// once per hour; a case counts in the hour of its first contact. On a
    /// day when clocks go back, both 02:00 hours are the one hour `02`.
    public var byHour: [NamedScope]?
    /// The distributions behind the HTML charts; only in a detailed report.
    public var distributions: ReportDistributions?
    /// The service catalogue checked against the data (`--sla`); `nil` without one.
    public var sla: SLAEvaluation?
    /// The catalogue's commitments judged on each of its queues alone (one
    /// service per queue); only in a detailed report with `--sla`, for the
    /// HTML page's queue cards. Not part of the JSON: a commitment binds the
    /// service, this says which of its queues missed.
    public var slaByQueue: SLAEvaluation?

    public init(parameters: ReportParameters, input: InputSummary, overall: ScopeMetrics,
                byQueue: [NamedScope], byDay: [NamedScope], byHour: [NamedScope]? = nil,
                distributions: ReportDistributions? = nil, sla: SLAEvaluation? = nil, slaByQueue: SLAEvaluation? = nil) {
        self.parameters = parameters
        self.input = input
        self.overall = overall
        self.byQueue = byQueue
        self.byDay = byDay
        self.byHour = byHour
        self.distributions = distributions
        self.sla = sla
        self.slaByQueue = slaByQueue
    }
}

extension Report {
    /// The report with `null` for the metrics that no input could measure
    /// (``InputSummary/notRecorded``), in every scope.
    func withoutUnmeasurable() -> Report {
        let unmeasurable = input.unmeasurableMetrics
        guard !unmeasurable.isEmpty else { return self }
        var report = self
        func clear(_ metrics: inout ScopeMetrics) {
            for metric in unmeasurable { metrics[metric] = .null }
        }
        clear(&report.overall)
        for index in report.byQueue.indices { clear(&report.byQueue[index].metrics) }
        for index in report.byDay.indices { clear(&report.byDay[index].metrics) }
        for index in report.byHour?.indices ?? 0..<0 { clear(&report.byHour![index].metrics) }
        return report
    }
}
