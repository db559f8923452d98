import HotlineCore

extension RejectReason {
    /// A switch log's time outside ``ValueRanges/instantSeconds``.
    static func switchTimeOutOfRange(_ name: String) -> RejectReason {
        .switchField(name: name, detail: "outside 0001-01-01T00:00:00Z…9999-12-31T23:59:59Z")
    }

    /// A switch log's count of seconds, read or derived, outside ``ValueRanges/durationSeconds``.
    static func switchDurationOutOfRange(_ name: String) -> RejectReason {
        .switchField(name: name, detail: "outside 0…\(ValueRanges.durationSeconds.upperBound) s")
    }
}
