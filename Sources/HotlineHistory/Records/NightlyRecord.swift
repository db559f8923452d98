import HotlineCore

/// Everything one nightly run stores about its day: the report and where it came from.
///
/// The provenance (`inputs`, `computedAt`, `hotlineVersion`, `catalogue`) is
/// stored beside the metrics so that a number in a trend can be traced back
/// to the files, the version and the catalogue that produced it, months later.
public struct NightlyRecord: Equatable, Sendable {
    /// The local day the report covers, `YYYY-MM-DD` in the report's time zone.
    public var day: String
    /// The day's report: `overall` is the day, `byQueue` its queues; `byDay` is
    /// not stored (it would repeat `overall`). `report.sla`, when present, is stored too.
    public var report: Report
    /// The files read, in the order they were read.
    public var inputs: [InputManifestEntry]
    /// When the report was computed, ISO 8601 text (e.g. `2026-11-21T02:00:07Z`).
    public var computedAt: String
    /// The `hotline` version that computed it.
    public var hotlineVersion: String
    /// The `--sla` catalogue's path, or nil when none was checked.
    public var catalogue: String?

    public init(day: String, report: Report, inputs: [InputManifestEntry], computedAt: String,
                hotlineVersion: String, catalogue: String? = nil) {
        self.day = day
        self.report = report
        self.inputs = inputs
        self.computedAt = computedAt
        self.hotlineVersion = hotlineVersion
        self.catalogue = catalogue
    }
}

/// One input file of a night: what was read and what came out of it, so that
/// a rerun on different files (a late rotation, a corrected export) shows.
public struct InputManifestEntry: Equatable, Sendable {
    public var path: String
    /// How the file was read: `calls`, `contacts`, `queue_log`, `cdr`, …
    public var format: String
    /// Size on disk.
    public var bytesRead: Int64
    /// Size after decompression (equal to `bytesRead` for plain files).
    public var bytesDecoded: Int64
    /// Hex digest of the file's bytes as read (the algorithm is the caller's choice, e.g. SHA-256).
    public var checksum: String
    public var rows: Int64
    public var rejected: Int64

    public init(path: String, format: String, bytesRead: Int64, bytesDecoded: Int64, checksum: String,
                rows: Int64, rejected: Int64) {
        self.path = path
        self.format = format
        self.bytesRead = bytesRead
        self.bytesDecoded = bytesDecoded
        self.checksum = checksum
        self.rows = rows
        self.rejected = rejected
    }
}
