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

    public init(files: Int = 0, bytesRead: Int64 = 0, bytesDecoded: Int64 = 0,
                calls: RowCounts = RowCounts(), contacts: RowCounts = RowCounts()) {
        self.files = files
        self.bytesRead = bytesRead
        self.bytesDecoded = bytesDecoded
        self.calls = calls
        self.contacts = contacts
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

    public init(parameters: ReportParameters, input: InputSummary, overall: ScopeMetrics,
                byQueue: [NamedScope], byDay: [NamedScope]) {
        self.parameters = parameters
        self.input = input
        self.overall = overall
        self.byQueue = byQueue
        self.byDay = byDay
    }
}
