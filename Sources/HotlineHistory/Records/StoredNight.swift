import HotlineCore

/// One row of `night`: what a stored night was computed from and with.
public struct StoredNight: Equatable, Sendable {
    public var day: String
    /// Thresholds and time zone of the stored report.
    public var parameters: ReportParameters
    public var computedAt: String
    public var hotlineVersion: String
    public var catalogue: String?
    public var calls: RowCounts
    public var contacts: RowCounts

    public init(day: String, parameters: ReportParameters, computedAt: String, hotlineVersion: String,
                catalogue: String?, calls: RowCounts, contacts: RowCounts) {
        self.day = day
        self.parameters = parameters
        self.computedAt = computedAt
        self.hotlineVersion = hotlineVersion
        self.catalogue = catalogue
        self.calls = calls
        self.contacts = contacts
    }
}
