extension ZoneOffsets {
    /// The instants a report in this zone can place on a day: those within
    /// `ValueRanges.instantSeconds` whose local day here is 0001-01-01 to
    /// 9999-12-31 too, the days a `by_day` key or a period label can write.
    ///
    /// A timestamp's own offset (up to ±23:59) or the zone's can move an
    /// instant of year 0001 or 9999 to a local day of year 0 or 10000
    /// (`9999-12-31T23:59:59-23:59` is 10000-01-01 in UTC): every input path
    /// rejects such a row where it reads it, with this one range check, so
    /// that no day number or period past the calendar's years reaches a report.
    ///
    /// Built from every interval of constant offset: the lower bound follows
    /// the last instant whose local time is before 0001-01-01, the upper
    /// bound precedes the first whose local time is after 9999-12-31, so every
    /// instant of the range is reportable. For real zones, whose offsets are
    /// constant for centuries at both ends, that is exactly the reportable set.
    public var reportableInstants: Range<Int64> {
        let firstLocal = ValueRanges.instantSeconds.lowerBound
        let lastLocal = ValueRanges.instantSeconds.upperBound
        var lower = firstLocal
        var upper = lastLocal
        forEachInterval { start, end, offset in
            // Instants here before `firstLocal - offset` are local times before 0001-01-01.
            let earliest = firstLocal - offset
            if start < earliest { lower = max(lower, min(end, earliest)) }
            // Instants here after `lastLocal - offset` are local times after 9999-12-31.
            let latest = lastLocal - offset
            if end > latest + 1 { upper = min(upper, max(start, latest + 1) - 1) }
        }
        return lower..<max(lower, upper + 1)
    }

    /// Each interval of constant offset, `[start, end)` with `Int64.min` /
    /// `Int64.max` standing for "no transition before / after", in order.
    private func forEachInterval(_ body: (_ start: Int64, _ end: Int64, _ offset: Int64) -> Void) {
        body(.min, starts.first ?? .max, Int64(initialOffset))
        for index in starts.indices {
            body(starts[index], index + 1 < starts.count ? starts[index + 1] : .max, Int64(offsets[index]))
        }
    }
}
