/// The ranges every number `hotline` reads must fall in, whatever the input
/// format or option it comes from: a value outside them is a rejected row or
/// a usage error where it is read, so that no sum, difference or calendar
/// step on an accepted value can overflow.
public enum ValueRanges {
    /// Seconds of a wait or a conversation (a switch log's waits and talk
    /// times, `--sl-threshold`, `--short-abandon`): 0 to 100,000,000 s (about
    /// 3.2 years). With this bound a scope's sum of durations is exact in a
    /// signed 64-bit integer up to 92 billion rows. The canonical CSV's
    /// `wait_s` and `talk_s` keep SPEC §2.1's range, any integer ≥ 0 that fits
    /// an `Int64` (the contract's worked example has a `talk_s` of 2⁶³ − 1):
    /// their sums are 128-bit, and the wait chart stops its bins at this bound.
    public static let durationSeconds: ClosedRange<Int64> = 0...100_000_000

    /// Instants, in seconds since 1970-01-01T00:00:00Z: from 0001-01-01T00:00:00Z
    /// to 9999-12-31T23:59:59Z, the years a canonical timestamp can write. A
    /// row is reportable only if its local day in the report's zone is in that
    /// range too.
    public static let instantSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
}
