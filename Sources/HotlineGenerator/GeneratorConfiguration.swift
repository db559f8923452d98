import HotlineCore
import HotlineInput

/// What to generate: how many call attempts, over which days, from which seed.
///
/// Everything else (customers, cases, contacts) follows from these through
/// the simulation, so one number (`calls`) scales a dataset from a unit-test
/// fixture to a benchmark, and the same configuration always yields the same
/// bytes.
///
/// Scaling, per call row (measured from 20 000 to 6.8 M calls; they hardly
/// depend on the window):
/// - customers ≈ 0.23–0.25: of the new customer problems, 3 % are
///   anonymous and 70 % of the others bring a new customer; the rest come
///   from customers already seen, in proportion to a heavy-tailed account
///   size (see `AccountSizes`);
/// - cases ≈ 0.30–0.32, contacts ≈ 0.68–0.69 (about 2.1 contacts per case);
/// - ≈ 154 bytes of CSV (both files), so `calls: 6_800_000` gives ≈ 1 GB
///   with ≈ 1.6 M customers and ≈ 2.1 M cases.
/// - as a queue_log (`callLogFormat: .queueLog`): ≈ 74 % of the calls are
///   recorded (the rest are busy or closed), in ≈ 141 bytes per configured
///   call, so `calls: 7_400_000` gives a queue_log of ≈ 1.05 GB.
public struct GeneratorConfiguration: Sendable {
    /// Number of call-log rows, exactly.
    public var calls: Int
    /// Seed of every random draw; a different seed gives a different but
    /// statistically alike dataset.
    public var seed: UInt64
    /// First day of the window, `YYYY-MM-DD`, a UTC day.
    public var startDay: String
    /// Length of the window in whole UTC days, ≥ 1. Every `arrived_at` falls
    /// in `[startDay, startDay + days)`.
    public var days: Int
    /// How both files are written.
    public var compression: OutputCompression
    /// The call-side file: canonical CSV or a switch's queue_log. The
    /// simulation, and with it the contact log, is the same for both.
    public var callLogFormat: CallLogFormat

    /// The default start day: a Monday in winter time, so the site's fixed
    /// +01:00 offset is its real one.
    public static let defaultStartDay = "2026-11-02"

    /// Calls per day that the default window length aims at: a mid-sized
    /// contact centre. Keeping the daily volume (rather than the window)
    /// fixed keeps the density of arrivals, and with it how soon a redial
    /// finds its slot, comparable at every size.
    public static let callsPerDay = 20_000

    /// The window used when none is given: `max(7, ⌈calls / 20 000⌉)` days,
    /// so that even a small dataset covers a whole week (weekends, Sunday
    /// closures) and a large one keeps a realistic daily volume.
    public static func defaultDays(forCalls calls: Int) -> Int {
        let calls = max(calls, 0)
        return max(7, calls / callsPerDay + (calls % callsPerDay == 0 ? 0 : 1))
    }

    public init(
        calls: Int,
        seed: UInt64 = 1,
        startDay: String = GeneratorConfiguration.defaultStartDay,
        days: Int? = nil,
        compression: OutputCompression = .none,
        callLogFormat: CallLogFormat = .csv
    ) {
        self.calls = calls
        self.seed = seed
        self.startDay = startDay
        self.days = days ?? Self.defaultDays(forCalls: calls)
        self.compression = compression
        self.callLogFormat = callLogFormat
    }

    /// Checks the configuration before any file is touched, so a bad option
    /// never leaves half-written files behind.
    public func validate() throws(GeneratorConfigurationError) {
        guard calls >= 0 else { throw .negativeCalls(calls) }
        guard calls <= Self.maximumCalls else { throw .tooManyCalls(calls) }
        guard days >= 1 else { throw .nonPositiveDays(days) }
        guard let first = CivilDate.days(fromISODate: startDay).map(Int.init) else { throw .invalidStartDay(startDay) }
        // The last contacts may start a little after the window, on the
        // site's clock: keep a spare day so every year has four digits.
        let lastDay = Int(CivilDate.days(year: 9999, month: 12, day: 31))
        guard days < lastDay - first else { throw .windowBeyondYear9999 }
        // A queue_log's times are unsigned epochs.
        guard callLogFormat == .csv || first >= 0 else { throw .queueLogBefore1970 }
    }

    /// The most call attempts one run writes: about 154 GB of CSV, past any
    /// benchmark, and far from the sums of ids and counts that could overflow.
    public static let maximumCalls = 1_000_000_000

    /// Day number (days since 1970-01-01) of `startDay`; valid after `validate()`.
    var firstDayNumber: Int {
        CivilDate.days(fromISODate: startDay).map(Int.init) ?? 0
    }
}

/// Why a `GeneratorConfiguration` cannot be generated.
public enum GeneratorConfigurationError: Error, Equatable, CustomStringConvertible {
    case negativeCalls(Int)
    case tooManyCalls(Int)
    case nonPositiveDays(Int)
    case invalidStartDay(String)
    case windowBeyondYear9999
    case queueLogBefore1970

    public var description: String {
        switch self {
        case .negativeCalls(let calls): "the number of calls must be ≥ 0 (got \(calls))"
        case .tooManyCalls(let calls): "the number of calls must be at most \(GeneratorConfiguration.maximumCalls) (got \(calls))"
        case .nonPositiveDays(let days): "the number of days must be ≥ 1 (got \(days))"
        case .invalidStartDay(let day): "the start day must be a real date written YYYY-MM-DD (got \"\(day)\")"
        case .windowBeyondYear9999: "the window must end before the year 10000"
        case .queueLogBefore1970: "a queue_log window must start in 1970 or later (its times are Unix times)"
        }
    }
}
