import Foundation
import HotlineCore
@testable import HotlineInput
import Testing
import HotlineTestSupport


private func zone(_ identifier: String) throws -> ZoneOffsets {
    try ZoneOffsets(timeZoneIdentifier: identifier)
}

/// Where `ZoneOffsets(timeZoneIdentifier:)` looks for zone files.
private let zoneDirectory = ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
    ?? "/usr/share/zoneinfo"

/// Whether the system database has `identifier` (not every tzdata build ships every zone).
private func hasZoneFile(_ identifier: String) -> Bool {
    FileManager.default.fileExists(atPath: zoneDirectory + "/" + identifier)
}

/// The version line of the system's tzdata ("2025b"), if it says.
private let systemTZDataVersion: String? = {
    guard let data = FileManager.default.contents(atPath: zoneDirectory + "/tzdata.zi"),
          let firstLine = String(decoding: data.prefix(64), as: UTF8.self).split(separator: "\n").first,
          firstLine.hasPrefix("# version ")
    else { return nil }
    return String(firstLine.dropFirst("# version ".count))
}()

/// UTC epoch seconds of a `...Z` timestamp.
private func utc(_ text: String) -> Int64 {
    guard case .success(let instant) = Array(text.utf8).withUnsafeBytes({ Timestamp.parse($0) }) else {
        fatalError("bad test timestamp \(text)")
    }
    return instant
}

/// Checks that the offset is `before` one second before `instant` and `after` from it on.
private func expectTransition(
    _ zone: ZoneOffsets, at instant: String, from before: Int32, to after: Int32,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let at = utc(instant)
    #expect(zone.offset(at: at - 1) == before, "just before \(instant)", sourceLocation: sourceLocation)
    #expect(zone.offset(at: at) == after, "at \(instant)", sourceLocation: sourceLocation)
    #expect(zone.offset(at: at + 1) == after, "just after \(instant)", sourceLocation: sourceLocation)
}

@Suite("ZoneOffsets from the system time zone database")
struct TimeZoneRulesTests {
    @Test("UTC is built in")
    func utcZone() throws {
        #expect(try zone("UTC") == .utc)
    }

    @Test("Etc zones: UTC from a file, and the inverted sign of Etc/GMT+5")
    func etcZones() throws {
        #expect(try zone("Etc/UTC") == .utc)
        let gmtPlus5 = try zone("Etc/GMT+5")
        #expect(gmtPlus5.offset(at: utc("2026-06-01T00:00:00Z")) == -5 * 3600)
        #expect(gmtPlus5.transitions.isEmpty)
    }

    @Test("Europe/Paris 2026: +01:00 → +02:00 on 29 March, back on 25 October, at 01:00Z")
    func paris() throws {
        let paris = try zone("Europe/Paris")
        expectTransition(paris, at: "2026-03-29T01:00:00Z", from: 3600, to: 7200)
        expectTransition(paris, at: "2026-10-25T01:00:00Z", from: 7200, to: 3600)
        // Half an hour before local midnight in UTC is already the next day in Paris.
        var clock = LocalClock(zone: paris)
        #expect(CivilDate.isoDate(fromDays: clock.day(of: utc("2026-07-14T22:30:00Z"))) == "2026-07-15")
        #expect(CivilDate.isoDate(fromDays: clock.day(of: utc("2026-12-31T22:59:59Z"))) == "2026-12-31")
        #expect(CivilDate.isoDate(fromDays: clock.day(of: utc("2026-12-31T23:00:00Z"))) == "2027-01-01")
    }

    @Test("America/New_York 2026: EDT from 8 March 07:00Z to 1 November 06:00Z")
    func newYork() throws {
        let newYork = try zone("America/New_York")
        expectTransition(newYork, at: "2026-03-08T07:00:00Z", from: -18_000, to: -14_400)
        expectTransition(newYork, at: "2026-11-01T06:00:00Z", from: -14_400, to: -18_000)
        #expect(newYork.offset(at: utc("2026-07-04T16:00:00Z")) == -14_400)
        #expect(newYork.offset(at: utc("2026-12-25T16:00:00Z")) == -18_000)
    }

    @Test("Asia/Kolkata is +05:30 with no change since 1945")
    func kolkata() throws {
        let kolkata = try zone("Asia/Kolkata")
        #expect(kolkata.transitions.allSatisfy { $0.at < utc("1946-01-01T00:00:00Z") })
        for instant in stride(from: utc("1946-01-01T00:00:00Z"), through: utc("2300-01-01T00:00:00Z"), by: 86_400 * 97) {
            #expect(kolkata.offset(at: instant) == 19_800)
        }
    }

    @Test("Australia/Lord_Howe: half-hour DST, +10:30 ↔ +11:00, southern hemisphere",
          .enabled(if: hasZoneFile("Australia/Lord_Howe")))
    func lordHowe() throws {
        let lordHowe = try zone("Australia/Lord_Howe")
        // Ends the first Sunday of April at 02:00 daylight time (+11), starts the
        // first Sunday of October at 02:00 standard time (+10:30).
        expectTransition(lordHowe, at: "2026-04-04T15:00:00Z", from: 39_600, to: 37_800)
        expectTransition(lordHowe, at: "2026-10-03T15:30:00Z", from: 37_800, to: 39_600)
    }

    @Test("standard-offset changes are exact: Europe/Moscow 2011 and 2014")
    func moscow() throws {
        let moscow = try zone("Europe/Moscow")
        // 2011: the last spring-forward, to +04:00 all year; 2014: back to +03:00 all year.
        expectTransition(moscow, at: "2011-03-26T23:00:00Z", from: 10_800, to: 14_400)
        #expect(moscow.offset(at: utc("2012-01-15T12:00:00Z")) == 14_400)
        expectTransition(moscow, at: "2014-10-25T22:00:00Z", from: 14_400, to: 10_800)
        #expect(moscow.offset(at: utc("2015-07-01T12:00:00Z")) == 10_800)
        #expect(moscow.transitions.allSatisfy { $0.at <= utc("2014-10-25T22:00:00Z") })
    }

    @Test("standard-offset changes are exact: America/Caracas 2007 and 2016")
    func caracas() throws {
        let caracas = try zone("America/Caracas")
        expectTransition(caracas, at: "2007-12-09T07:00:00Z", from: -14_400, to: -16_200)
        expectTransition(caracas, at: "2016-05-01T07:00:00Z", from: -16_200, to: -14_400)
    }

    @Test("the footer rule is expanded through the year 10000, past any valid timestamp")
    func expansionHorizon() throws {
        let paris = try zone("Europe/Paris")
        expectTransition(paris, at: "2200-03-30T01:00:00Z", from: 3600, to: 7200)
        expectTransition(paris, at: "2500-03-28T01:00:00Z", from: 3600, to: 7200)
        expectTransition(paris, at: "9999-10-31T01:00:00Z", from: 7200, to: 3600)
        #expect(paris.offset(at: utc("2500-07-01T22:30:00Z")) == 7200)
        let sydney = try zone("Australia/Sydney")
        #expect(sydney.offset(at: utc("9999-12-31T23:59:59Z")) == 39_600)
    }

    @Test("offsets match Foundation's TimeZone at random instants 1970–2100", arguments: [
        "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Australia/Lord_Howe",
        "Europe/Moscow", "America/Caracas", "Europe/Dublin", "America/Sao_Paulo", "Pacific/Chatham",
        "America/St_Johns", "Asia/Kathmandu", "Asia/Tokyo", "Europe/London",
    ])
    func matchesFoundation(identifier: String) throws {
        guard let foundationZone = TimeZone(identifier: identifier), hasZoneFile(identifier) else { return }
        try expectAgreement(try zone(identifier), foundationZone, identifier: identifier, samples: 3000)
    }

    // Foundation on Linux answers from the ICU data in the toolchain, which can
    // lag behind the system's tzdata; compare every zone only when both are the same release.
    @Test("every zone matches Foundation when both use the same tzdata release",
          .enabled(if: systemTZDataVersion != nil && systemTZDataVersion == TimeZone.timeZoneDataVersion))
    func allZonesMatchFoundation() throws {
        var compared = 0
        for identifier in TimeZone.knownTimeZoneIdentifiers where hasZoneFile(identifier) {
            guard let foundationZone = TimeZone(identifier: identifier) else { continue }
            try expectAgreement(try zone(identifier), foundationZone, identifier: identifier, samples: 200)
            compared += 1
        }
        #expect(compared > 300)
    }

    @Test("unknown or unusable identifiers throw", arguments: [
        ("Mars/Base", "no such zone in \(zoneDirectory) (is the tzdata package installed?)"),
        ("", "not an IANA time zone name"),
        ("Europe", "no such zone in \(zoneDirectory) (is the tzdata package installed?)"),
        ("../../../etc/passwd", "not an IANA time zone name"),
        ("/usr/share/zoneinfo/Europe/Paris", "not an IANA time zone name"),
        ("Europe//Paris", "not an IANA time zone name"),
        ("Europe/Paris ", "not an IANA time zone name"),
    ])
    func unknown(identifier: String, reason: String) {
        let error = UnknownTimeZoneError(identifier: identifier, reason: reason)
        #expect(throws: error) { try ZoneOffsets(timeZoneIdentifier: identifier) }
        #expect(error.description == "unknown time zone '\(identifier)': \(reason)")
    }

    @Test("files of the database that are not zones are refused", .enabled(if: hasZoneFile("zone.tab")))
    func notAZone() {
        let error = UnknownTimeZoneError(identifier: "zone.tab", reason: "\(zoneDirectory)/zone.tab: not a TZif time zone file")
        #expect(throws: error) { try ZoneOffsets(timeZoneIdentifier: "zone.tab") }
    }

    @Test("leap-second zones are refused", .enabled(if: hasZoneFile("right/UTC")))
    func leapSeconds() {
        let error = UnknownTimeZoneError(
            identifier: "right/UTC",
            reason: "\(zoneDirectory)/right/UTC: the file counts leap seconds ('right/' zones), which Unix timestamps do not")
        #expect(throws: error) { try ZoneOffsets(timeZoneIdentifier: "right/UTC") }
        #expect(error.description.hasPrefix("unknown time zone 'right/UTC': "))
    }
}

/// Compares at `samples` random instants 1970–2100 and one second either side
/// of every transition in that range.
private func expectAgreement(
    _ zone: ZoneOffsets, _ foundationZone: TimeZone, identifier: String, samples: Int
) throws {
    var random = SeededRandom(seed: UInt64(truncatingIfNeeded: identifier.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
    let range = utc("1970-01-01T00:00:00Z")...utc("2100-01-01T00:00:00Z")
    var instants = (0..<samples).map { _ in Int64.random(in: range, using: &random) }
    for transition in zone.transitions where range.contains(transition.at) {
        instants += [transition.at - 1, transition.at]
    }
    var clock = LocalClock(zone: zone)
    for instant in instants {
        let expected = Int32(foundationZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        #expect(zone.offset(at: instant) == expected, "\(identifier) at \(instant)")
        #expect(clock.localSeconds(of: instant) == instant + Int64(expected), "\(identifier) at \(instant)")
    }
}

@Suite("POSIX TZ rules and TZif decoding")
struct TZifDecodingTests {
    @Test("rules parse to offsets east of UTC")
    func parseRules() throws {
        let paris = try PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3")
        #expect(paris.standardOffset == 3600)
        #expect(paris.daylightSaving == .init(
            offset: 7200,
            start: .init(date: .monthWeekDay(month: 3, week: 5, weekday: 0), time: 7200),
            end: .init(date: .monthWeekDay(month: 10, week: 5, weekday: 0), time: 10_800)))
        let kolkata = try PosixTimeZoneRule("<+0530>-5:30")
        #expect(kolkata.standardOffset == 19_800)
        #expect(kolkata.daylightSaving == nil)
        #expect(try PosixTimeZoneRule("<-0330>3:30").standardOffset == -12_600)
        let nuuk = try PosixTimeZoneRule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0")
        #expect(nuuk.daylightSaving?.start.time == -3600)
        #expect(try PosixTimeZoneRule("IST-2IDT,M3.4.4/26,M10.5.0").daylightSaving?.start.time == 26 * 3600)
        let julian = try PosixTimeZoneRule("XXX3XXY2:30:15,J60/1:02:03,300")
        let expected = PosixTimeZoneRule.DaylightSaving(
            offset: -9015,
            start: .init(date: .julian(60), time: 3723),
            end: .init(date: .zeroBased(300), time: 7200))
        #expect(julian.standardOffset == -10_800)
        #expect(julian.daylightSaving == expected)
    }

    @Test("malformed or incomplete rules are refused", arguments: [
        "", "CET", "CE-1", "CET-25", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
        "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J365", "CET-1CEST,366,0",
        "CET-1CEST,M3.5.0/168,M10.5.0", "CET-1:60", "<+01-1", "CET-1CEST,M3.5.0,M10.5.0x",
    ])
    func badRules(rule: String) {
        #expect(throws: TZifError.badRule(rule)) { try PosixTimeZoneRule(rule) }
    }

    @Test("rule dates: last Sunday, Julian days skip February 29, zero-based days count it")
    func ruleDates() {
        let lastSundayOfMarch = PosixTimeZoneRule.DateRule.monthWeekDay(month: 3, week: 5, weekday: 0)
        #expect(CivilDate.isoDate(fromDays: lastSundayOfMarch.day(year: 2026)) == "2026-03-29")
        #expect(CivilDate.isoDate(fromDays: lastSundayOfMarch.day(year: 2024)) == "2024-03-31")
        let secondSundayOfMarch = PosixTimeZoneRule.DateRule.monthWeekDay(month: 3, week: 2, weekday: 0)
        #expect(CivilDate.isoDate(fromDays: secondSundayOfMarch.day(year: 2026)) == "2026-03-08")
        #expect(CivilDate.isoDate(fromDays: PosixTimeZoneRule.DateRule.julian(60).day(year: 2024)) == "2024-03-01")
        #expect(CivilDate.isoDate(fromDays: PosixTimeZoneRule.DateRule.julian(60).day(year: 2023)) == "2023-03-01")
        #expect(CivilDate.isoDate(fromDays: PosixTimeZoneRule.DateRule.zeroBased(59).day(year: 2024)) == "2024-02-29")
        #expect(CivilDate.isoDate(fromDays: PosixTimeZoneRule.DateRule.zeroBased(59).day(year: 2023)) == "2023-03-01")
    }

    @Test("year-round DST makes no transition at the turn of the year")
    func yearRoundDaylightSaving() throws {
        let rule = try PosixTimeZoneRule("EST5EDT,0/0,J365/25")
        let changes = ZoneOffsets(initialOffset: -18_000, transitions: rule.transitions(years: 2030...2032)).transitions
        #expect(changes.map(\.offset) == [-14_400, -18_000])
        #expect(changes.map(\.at) == [utc("2030-01-01T05:00:00Z"), utc("2033-01-01T05:00:00Z")])
    }

    @Test("negative DST (Europe/Dublin's winter time) and southern-hemisphere order")
    func dublinAndSydney() throws {
        let dublin = try PosixTimeZoneRule("IST-1GMT0,M10.5.0,M3.5.0/1").transitions(years: 2026...2026)
        #expect(dublin.map(\.at) == [utc("2026-03-29T01:00:00Z"), utc("2026-10-25T01:00:00Z")])
        #expect(dublin.map(\.offset) == [3600, 0])
        let sydney = try PosixTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3").transitions(years: 2026...2026)
        #expect(sydney.map(\.at) == [utc("2026-04-04T16:00:00Z"), utc("2026-10-03T16:00:00Z")])
        #expect(sydney.map(\.offset) == [36_000, 39_600])
    }

    @Test("rules with extreme transition times still give a strictly ascending table")
    func extremeRules() throws {
        let rule = try PosixTimeZoneRule("AAA0BBB,M12.5.6/167,M1.1.0/-167")
        let changes = rule.transitions(years: 1999...2010)
        #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.at < $1.at })
        #expect(ZoneOffsets(initialOffset: 0, transitions: changes).transitions.count > 0)
    }

    @Test("a version 2 file: 64-bit transitions, then the footer rule")
    func versionTwoFile() throws {
        let bytes = tzif(types: [-18_000, -14_400, -16_200], transitions: [(-100, 2), (1_000_000_000, 1)], footer: "EST5EDT,M3.2.0,M11.1.0")
        let file = try TZifFile(bytes)
        #expect(file.initialOffset == -18_000)
        #expect(file.transitions.map(\.offset) == [-16_200, -14_400])
        let offsets = file.zoneOffsets()
        #expect(offsets.offset(at: -101) == -18_000)
        #expect(offsets.offset(at: -100) == -16_200)
        #expect(offsets.offset(at: 999_999_999) == -16_200)
        #expect(offsets.offset(at: 1_000_000_000) == -14_400)
        // The last explicit transition is 2001-09-09T01:46:40Z: the rule takes over in 2001.
        expectTransition(offsets, at: "2001-11-04T06:00:00Z", from: -14_400, to: -18_000)
        expectTransition(offsets, at: "2026-03-08T07:00:00Z", from: -18_000, to: -14_400)
    }

    @Test("a version 1 file has 32-bit times and no footer")
    func versionOneFile() throws {
        let file = try TZifFile(tzif(version: 0, types: [3600, 7200], transitions: [(10, 1), (20, 0)], footer: nil))
        #expect(file.rule == nil)
        #expect(file.zoneOffsets() == ZoneOffsets(initialOffset: 3600, transitions: [(10, 7200), (20, 3600)]))
    }

    @Test("damaged files are refused")
    func damagedFiles() {
        let good = tzif(types: [0, 3600], transitions: [(5, 1)], footer: "<+01>-1")
        #expect(throws: TZifError.notTZif) { try TZifFile(Array("TZix".utf8) + good.dropFirst(4)) }
        #expect(throws: TZifError.truncated) { try TZifFile(Array(good.prefix(good.count - 12))) }
        #expect(throws: TZifError.truncated) { try TZifFile(Array(good.prefix(30))) }
        #expect(throws: TZifError.invalid("transition times not ascending")) {
            try TZifFile(tzif(types: [0, 3600], transitions: [(5, 1), (5, 0)], footer: ""))
        }
        #expect(throws: TZifError.invalid("transition type index out of range")) {
            try TZifFile(tzif(types: [0, 3600], transitions: [(5, 2)], footer: ""))
        }
        #expect(throws: TZifError.invalid("UT offset 100000")) {
            try TZifFile(tzif(types: [0, 100_000], transitions: [], footer: ""))
        }
        #expect(throws: TZifError.leapSeconds) {
            try TZifFile(tzif(types: [0], transitions: [], footer: "", leapCount: 1))
        }
        #expect(throws: TZifError.badRule("CET-1CEST")) {
            try TZifFile(tzif(types: [0], transitions: [], footer: "CET-1CEST"))
        }
    }
}

/// A TZif file (RFC 8536) with the given local time types (offsets only) and
/// transitions (instant, type index); version 2 unless `version` is 0.
private func tzif(
    version: UInt8 = UInt8(ascii: "2"), types: [Int32], transitions: [(Int64, UInt8)], footer: String?,
    leapCount: Int = 0
) -> [UInt8] {
    func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }
    func block(timeSize: Int) -> [UInt8] {
        var bytes = Array("TZif".utf8) + [version] + Array(repeating: 0, count: 15)
        for count in [0, 0, leapCount, transitions.count, types.count, 4] {
            bytes += bigEndian(UInt32(count))
        }
        for (at, _) in transitions {
            bytes += timeSize == 8 ? bigEndian(at) : bigEndian(Int32(at))
        }
        bytes += transitions.map(\.1)
        for offset in types {
            bytes += bigEndian(offset) + [0, 0]
        }
        bytes += Array("ABC\0".utf8)
        bytes += Array(repeating: 0, count: leapCount * (timeSize + 4))
        return bytes
    }
    guard version != 0 else { return block(timeSize: 4) }
    return block(timeSize: 4) + block(timeSize: 8) + Array("\n\(footer ?? "")\n".utf8)
}
