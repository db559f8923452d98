/// How long a queue_log call may go without an event before it is given up.
///
/// A switch writes a call's events within minutes; a call that has had none
/// for a day of log time will not get its final event (a restart, a lost
/// line). Keeping it until the end of the input would make memory follow
/// every call ever opened — a hostile or broken log can open millions that
/// never close — so such a call is settled as if the input had ended there
/// (docs/asterisk.md, "Incomplete calls"): an attempt still waiting or
/// talking is incomplete, a timeout that did not overflow is a timeout.
///
/// The rule reads log time only, never where the input was cut: a call
/// expires at the first line after its last event whose time is more than
/// ``seconds`` later than that event, so every chunk size and thread count
/// gives the same result.
public enum OpenCallHorizon {
    /// 24 hours.
    public static let seconds: Int64 = 86_400

    /// The latest log time at which a call whose last event was at `time` is
    /// still open; a line later than this gives it up. `time` is a checked
    /// instant (``ValueRanges/instantSeconds``), so the sum cannot overflow.
    public static func deadline(after time: Int64) -> Int64 { time + seconds }
}
