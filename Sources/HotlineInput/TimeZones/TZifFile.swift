import HotlineCore

/// What a TZif file (RFC 8536, the compiled IANA time zone database) says
/// about UTC offsets: its explicit transitions and the POSIX rule for later instants.
struct TZifFile {
    /// The offset before the first transition (time type 0, per RFC 8536 §3.2).
    let initialOffset: Int32
    /// The explicit transitions, strictly ascending.
    let transitions: [(at: Int64, offset: Int32)]
    /// The footer rule (version 2+ files); nil when absent or empty, in which
    /// case the last transition's offset applies forever.
    let rule: PosixTimeZoneRule?

    /// The last year for which the footer rule is expanded into transitions:
    /// the latest valid timestamp (`9999-12-31T23:59:59-23:59`) falls in
    /// 10000, so every instant a log can hold gets its zone's own rule.
    static let lastExpandedYear = 10_000
    /// The first year the footer rule is expanded from when the file's own
    /// transitions end earlier (or there are none).
    static let firstExpandedYear = 1900

    init(_ bytes: [UInt8]) throws(TZifError) {
        var reader = TZifReader(bytes)
        let first = try reader.header()
        guard first.version >= 2 else {
            (initialOffset, transitions) = try reader.dataBlock(first, timeSize: 4)
            rule = nil
            return
        }
        // Version 2+ repeats the data with 64-bit times after the 32-bit block; only the second is complete.
        try reader.skip(first.blockSize(timeSize: 4))
        let second = try reader.header()
        (initialOffset, transitions) = try reader.dataBlock(second, timeSize: 8)
        let footer = try reader.footer()
        rule = footer.isEmpty ? nil : try PosixTimeZoneRule(footer)
    }

    /// The whole table: the explicit transitions, then the footer rule expanded
    /// from the year of the last one through ``lastExpandedYear``.
    func zoneOffsets() -> ZoneOffsets {
        var all = transitions
        if let rule {
            let lastExplicit = transitions.last?.at ?? Int64.min
            let lastExplicitYear = CivilDate.date(fromDays: CivilDate.day(containing: lastExplicit)).year
            let firstYear = max(lastExplicitYear, Self.firstExpandedYear)
            if firstYear <= Self.lastExpandedYear {
                all += rule.transitions(years: firstYear...Self.lastExpandedYear).filter { $0.at > lastExplicit }
            }
        }
        return ZoneOffsets(initialOffset: initialOffset, transitions: all)
    }
}
