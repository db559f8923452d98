import HotlineCore
import Testing
import HotlineTestSupport

/// Parses `text` as the bytes of a CSV field.
private func parse(_ text: String) -> Result<Int64, TimestampError> {
    Array(text.utf8).withUnsafeBytes { Timestamp.parse($0) }
}

private func parse(bytes: [UInt8]) -> Result<Int64, TimestampError> {
    bytes.withUnsafeBytes { Timestamp.parse($0) }
}


@Suite("Timestamp.parse")
struct TimestampTests {
    // Epochs are days × 86 400 + seconds of the day − offset; day numbers
    // counted by hand from 1970-01-01 (e.g. 2026-11-20 is day 20 777:
    // 56 years = 20 454 days incl. 14 leap days, + 304 days to Nov 1 + 19).
    @Test("valid timestamps give hand-computed UTC epochs", arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1969-12-31T23:59:59Z", -1),
        ("2026-11-20T08:15:03Z", 1_795_162_503),            // 20 777 × 86 400 + 29 703
        ("2026-11-20T09:15:03+01:00", 1_795_162_503),       // same instant
        ("2024-02-29T12:00:00Z", 1_709_208_000),            // leap day: day 19 782
        ("2000-02-29T00:00:00Z", 951_782_400),              // 2000 is a leap year: day 11 016
        ("1999-12-31T23:59:59Z", 946_684_799),
        ("1900-03-01T00:00:00Z", -2_203_891_200),           // day -25 508 (1900 has no Feb 29)
        ("2026-01-01T00:30:00+01:00", 1_767_223_800),       // local New Year = 2025-12-31T23:30Z
        ("2025-12-31T23:30:00-01:00", 1_767_227_400),       // local New Year's Eve = 2026-01-01T00:30Z
        ("2026-11-20T23:59:59+05:30", 1_795_199_399),       // 18:29:59Z the same day
        ("2026-11-20T06:01:00-23:59", 1_795_240_800),       // 2026-11-21T06:00:00Z
        ("2026-11-20T00:00:00+23:59", 1_795_046_460),       // 2026-11-19T00:01:00Z
        ("0001-01-01T00:00:00Z", -62_135_596_800),          // day -719 162
        ("9999-12-31T23:59:59Z", 253_402_300_799),          // day 2 932 896
    ])
    func valid(text: String, epoch: Int64) {
        #expect(parse(text) == .success(epoch))
    }

    @Test("a zero offset of either sign is UTC")
    func zeroOffsets() {
        let utc = parse("2026-11-20T08:15:03Z")
        #expect(parse("2026-11-20T08:15:03+00:00") == utc)
        #expect(parse("2026-11-20T08:15:03-00:00") == utc)
    }

    @Test("each malformed field is rejected with the reason a reject report shows", arguments: [
        ("2026-11-20T08:15:03z", TimestampError.expected(UInt8(ascii: "Z"), position: 20), "expected 'Z' at position 20"),
        ("2026-11-20t08:15:03Z", .expected(UInt8(ascii: "T"), position: 11), "expected 'T' at position 11"),
        ("2026-11-20 08:15:03Z", .expected(UInt8(ascii: "T"), position: 11), "expected 'T' at position 11"),
        ("2026/11-20T08:15:03Z", .expected(UInt8(ascii: "-"), position: 5), "expected '-' at position 5"),
        ("2026-11-20T08.15:03Z", .expected(UInt8(ascii: ":"), position: 14), "expected ':' at position 14"),
        ("2026-11-20T08:15:03+01-00", .expected(UInt8(ascii: ":"), position: 23), "expected ':' at position 23"),
        ("2026-11-20T08:15:03 01:00", .expectedOffsetSign(position: 20), "expected '+' or '-' at position 20"),
        ("2026-11-20T08:15:03Z01:00", .expectedOffsetSign(position: 20), "expected '+' or '-' at position 20"),
        ("2026-11-20T08:15:03.5Z", .wrongLength(22), "wrong length 22 (expected 20 or 25 bytes)"),
        ("2026-11-20T08:15:03.123+01:00", .wrongLength(29), "wrong length 29 (expected 20 or 25 bytes)"),
        ("2026-11-20T08:15:03+0100", .wrongLength(24), "wrong length 24 (expected 20 or 25 bytes)"),
        ("2026-1a-20T08:15:03Z", .notADigit(position: 7), "not a digit at position 7"),
        ("+026-11-20T08:15:03Z", .notADigit(position: 1), "not a digit at position 1"),
        ("2026-11-20T08:15:0 Z", .notADigit(position: 19), "not a digit at position 19"),
        ("2026-11-20T08:15:03+0x:00", .notADigit(position: 22), "not a digit at position 22"),
        ("2026-11-20T24:00:00Z", .hour(24), "hour 24"),
        ("2026-11-20T25:00:00Z", .hour(25), "hour 25"),
        ("2026-11-20T23:60:00Z", .minute(60), "minute 60"),
        ("2026-11-20T23:59:60Z", .second(60), "second 60"),
        ("2026-11-20T08:15:03+24:00", .offsetHours(24), "offset hours 24"),
        ("2026-11-20T08:15:03-24:00", .offsetHours(24), "offset hours 24"),
        ("2026-11-20T08:15:03+01:60", .offsetMinutes(60), "offset minutes 60"),
        ("2026-00-20T08:15:03Z", .month(0), "month 0"),
        ("2026-13-20T08:15:03Z", .month(13), "month 13"),
        ("2026-11-00T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("2026-11-31T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("2026-01-32T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("2023-02-29T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("1900-02-29T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("2000-02-30T08:15:03Z", .notACalendarDate, "not a calendar date"),
        ("0000-01-01T00:00:00Z", .yearZero, "year 0000"),
    ])
    func rejected(text: String, error: TimestampError, description: String) {
        #expect(parse(text) == .failure(error))
        #expect(error.description == description)
    }

    @Test("shape errors are reported before range errors, left to right")
    func errorOrder() {
        #expect(parse("2026-13-32T25:61:61Z") == .failure(.month(13)))
        #expect(parse("2026-02-30T25:00:00Z") == .failure(.notACalendarDate))
        #expect(parse("2026-13-20T08:15:03+01-00") == .failure(.expected(UInt8(ascii: ":"), position: 23)))
        #expect(parse("2026-11-20T08:15:60+24:00") == .failure(.second(60)))
    }

    @Test("every length but 20 and 25 is rejected", arguments: Array(0...30).filter { $0 != 20 && $0 != 25 })
    func wrongLengths(length: Int) {
        let text = String("2026-11-20T08:15:03+01:00999999".prefix(length))
        #expect(parse(text) == .failure(.wrongLength(length)))
    }

    @Test("arbitrary bytes never crash and every byte position is checked")
    func arbitraryBytes() {
        var random = SeededRandom(seed: 2026)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...30, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if case .success = parse(bytes: bytes) {
                Issue.record("random bytes \(bytes) parsed as a timestamp")
            }
        }
    }

    @Test("mutated timestamps agree with a slow reference parser")
    func mutations() {
        var random = SeededRandom(seed: 11_20)
        let seeds = ["2026-11-20T08:15:03Z", "2024-02-29T23:59:59-23:59", "1900-02-28T00:00:00+14:00"]
        let alphabet = Array("0123456789-+:TZtz .".utf8) + [0, 0x7F, 0xC3, 0xFF]
        for _ in 0..<50_000 {
            var bytes = Array(seeds.randomElement(using: &random)!.utf8)
            for _ in 0...Int.random(in: 0...2, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let expected = referenceEpoch(bytes)
            switch parse(bytes: bytes) {
            case .success(let epoch): #expect(epoch == expected, "\(String(decoding: bytes, as: UTF8.self))")
            case .failure: #expect(expected == nil, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    @Test("with a date memo, every result and error is that of the plain parse")
    func memoAgreesWithPlainParse() {
        var random = SeededRandom(seed: 12_04)
        let seeds = ["2026-11-20T08:15:03Z", "2026-11-20T23:59:59+01:00", "2024-02-29T00:00:00-23:59", "2026-11-21T00:00:00Z"]
        let alphabet = Array("0123456789-+:TZ ".utf8) + [0, 0xFF]
        var memo = TimestampDateMemo()
        var remembered = 0
        for _ in 0..<50_000 {
            var bytes = Array(seeds.randomElement(using: &random)!.utf8)
            // Mostly the time of day is mutated, so that the remembered date is reused.
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let position = Int.random(in: 0..<10, using: &random) < 8 ? Int.random(in: 10..<bytes.count, using: &random)
                    : Int.random(in: 0..<10, using: &random)
                bytes[position] = alphabet.randomElement(using: &random)!
            }
            if Int.random(in: 0..<50, using: &random) == 0 { bytes.removeLast() }
            let expected = parse(bytes: bytes)
            let memoBefore = memo
            let memoed = bytes.withUnsafeBytes { Timestamp.parse($0, memo: &memo) }
            #expect(memoed == expected, "\(String(decoding: bytes, as: UTF8.self))")
            if case .success = expected, memo == memoBefore { remembered += 1 }
        }
        #expect(remembered > 5_000)
    }

    /// Found by the `FuzzTimestamp` fuzz target: an empty memo's zeroed date
    /// matched ten NUL bytes, so the first field of a chunk with such a date
    /// was read as 1970-01-01 (or failed with the time's error, not the date's).
    @Test("an empty memo matches no date, not even one of NUL bytes")
    func emptyMemoMatchesNoDate() {
        let nulDate = [UInt8](repeating: 0, count: 10) + Array("T08:00:00Z".utf8)
        var memo = TimestampDateMemo()
        let memoed = nulDate.withUnsafeBytes { Timestamp.parse($0, memo: &memo) }
        #expect(memoed == .failure(.notADigit(position: 1)))
        #expect(memoed == parse(bytes: nulDate))
        #expect(memo == TimestampDateMemo())
    }
}

/// An independent, deliberately naive parser: splits on the separators and
/// counts days year by year and month by month from 0001-01-01.
private func referenceEpoch(_ bytes: [UInt8]) -> Int64? {
    guard bytes.count == 20 || bytes.count == 25, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    let characters = Array(text)
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] + (bytes.count == 25 ? [20, 21, 23, 24] : [])
    guard digitPositions.allSatisfy({ characters[$0].isASCII && characters[$0].isNumber }),
          characters[4] == "-", characters[7] == "-", characters[10] == "T",
          characters[13] == ":", characters[16] == ":"
    else { return nil }
    func field(_ start: Int, _ length: Int) -> Int { Int(String(characters[start..<(start + length)]))! }
    let (year, month, day) = (field(0, 4), field(5, 2), field(8, 2))
    let (hour, minute, second) = (field(11, 2), field(14, 2), field(17, 2))
    var offset = 0
    if bytes.count == 20 {
        guard characters[19] == "Z" else { return nil }
    } else {
        guard characters[19] == "+" || characters[19] == "-", characters[22] == ":" else { return nil }
        let (hours, minutes) = (field(20, 2), field(23, 2))
        guard hours < 24, minutes < 60 else { return nil }
        offset = (hours * 3600 + minutes * 60) * (characters[19] == "-" ? -1 : 1)
    }
    func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    let monthLengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard year >= 1, (1...12).contains(month), day >= 1, day <= monthLengths[month - 1],
          hour < 24, minute < 60, second < 60
    else { return nil }
    // Whole 400-year cycles have 146 097 days; count the remaining years one by one.
    var days = (year - 1) / 400 * 146_097
    for y in stride(from: (year - 1) / 400 * 400 + 1, to: year, by: 1) { days += isLeap(y) ? 366 : 365 }
    days += monthLengths[0..<(month - 1)].reduce(0, +) + day - 1
    let daysFrom0001To1970 = 719_162
    return Int64((days - daysFrom0001To1970) * 86_400 + hour * 3600 + minute * 60 + second - offset)
}
