import FuzzSupport
import HotlineCore

/// The canonical timestamp parser (SPEC §2.1). The input is two candidate
/// timestamps separated by `\n`; the second is parsed with and without the
/// date memo primed by the first, and both results must agree — the memo's
/// promise. A parsed instant must lie in the documented years 0001...9999
/// shifted by at most a day of offset.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let (first, second) = FuzzInput.splitFirstLine(FuzzInput(start, count).bytes)
    var memo = TimestampDateMemo()
    check(Timestamp.parse(first), Timestamp.parse(first, memo: &memo))
    check(Timestamp.parse(second), Timestamp.parse(second, memo: &memo))
    return 0
}

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, one day wider on each side for offsets.
private let earliest: Int64 = -62_135_596_800 - 86_400
private let latest: Int64 = 253_402_300_799 + 86_400

private func check(_ plain: Result<Int64, TimestampError>, _ memoised: Result<Int64, TimestampError>) {
    switch (plain, memoised) {
    case (.success(let a), .success(let b)):
        precondition(a == b, "the memo changed an instant: \(a) vs \(b)")
        precondition((earliest...latest).contains(a), "instant out of range: \(a)")
    case (.failure(let a), .failure(let b)):
        precondition(a == b, "the memo changed an error: \(a) vs \(b)")
    default:
        preconditionFailure("the memo changed the outcome: \(plain) vs \(memoised)")
    }
}
