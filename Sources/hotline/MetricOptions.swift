import ArgumentParser
import HotlineCore
import HotlineInput
import HotlineSLA

/// How the metrics are defined and where days begin, shared by `report` and `nightly`.
struct MetricOptions: ParsableArguments {
    @Option(name: .customLong("sl-threshold"), parsing: .unconditional, help: ArgumentHelp(
        "Answered within this many seconds counts towards the service level (\(OptionRange.durationText)).",
        valueName: "seconds"))
    var serviceLevelThreshold: Int64 = 20

    @Option(name: .customLong("short-abandon"), parsing: .unconditional, help: ArgumentHelp(
        "Abandoned in less than this many seconds is a short abandon (\(OptionRange.durationText)).",
        valueName: "seconds"))
    var shortAbandon: Int64 = 5

    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "IANA time zone of the hotline: days and hours are local there, daylight-saving changes included.",
        valueName: "zone"))
    var timeZone = "UTC"

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Parsing workers, \(OptionRange.threadsText) (default: one per core but the reader's, at least 1).",
        valueName: "n"))
    var threads: Int?

    func validate() throws {
        try OptionRange.check("--sl-threshold", serviceLevelThreshold, in: ValueRanges.durationSeconds)
        try OptionRange.check("--short-abandon", shortAbandon, in: ValueRanges.durationSeconds)
        try OptionRange.check("--threads", threads, in: OptionRange.threads)
        _ = try zone()
    }

    var parameters: ReportParameters {
        ReportParameters(
            thresholds: CallThresholds(serviceLevelSeconds: serviceLevelThreshold, shortAbandonSeconds: shortAbandon),
            timeZone: timeZone)
    }

    var workerThreads: Int { threads ?? ReportJobOptions.defaultWorkers }

    func zone() throws -> ZoneOffsets {
        try ZoneOption.offsets(named: timeZone, option: "--tz")
    }

    /// The `--sla` catalogue, validated before any log is read: an invalid one is a usage error (exit 2).
    static func loadCatalogue(_ path: String?) throws -> SLACatalogue? {
        do {
            return try path.map(SLACatalogueLoader.load(path:))
        } catch {
            throw CommandFailure(message: "\(error)", status: 2)
        }
    }
}
