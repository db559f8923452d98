import HotlineCore

extension ZoneOffsets {
    /// A time as switch logs write it: an epoch (absolute), or a naive local
    /// `YYYY-MM-DD HH:MM:SS[.fraction]` read in this zone, the switch's
    /// (`--switch-tz`). Nil if it is neither.
    func instant(ofSwitchTime bytes: UnsafeRawBufferPointer) -> Int64? {
        if case .success(let epoch) = FieldParsing.nonNegativeInteger(bytes) { return epoch }
        return LocalDateTime.parseLocalSeconds(bytes).map(instant(fromLocal:))
    }
}
