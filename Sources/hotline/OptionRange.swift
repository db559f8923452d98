import ArgumentParser
import HotlineCore

/// The documented range of every numeric option, checked in `validate()`:
/// a value outside it is a usage error (exit status 2) that states the range,
/// and `--help` shows the same range.
enum OptionRange {
    /// `--threads`: more workers than this only duplicate the per-worker tables.
    static let threads = 1...256
    /// `nightly --lock-timeout`, in seconds: at most a day, the period of the job.
    static let lockTimeoutSeconds = 0...86_400

    /// `0 to 100000000 s`: the range of `--sl-threshold` and `--short-abandon`.
    static let durationText = text(ValueRanges.durationSeconds) + " s"
    static let threadsText = text(threads)

    /// `low to high`, as `--help` and the errors write a range.
    static func text<Bound: BinaryInteger>(_ range: ClosedRange<Bound>) -> String {
        "\(range.lowerBound) to \(range.upperBound)"
    }

    /// Throws the usage error `--name must be between low and high (got value)` unless `value` is in `range`.
    static func check<Bound: BinaryInteger>(_ name: String, _ value: Bound?, in range: ClosedRange<Bound>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
    }
}
