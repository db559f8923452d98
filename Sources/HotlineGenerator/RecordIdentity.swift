/// How call and case ids look, shared by both logs so they join.
///
/// Call ids follow Asterisk's `uniqueid` (arrival time in epoch seconds, a
/// dot, a counter), as a switch export carries them; case ids are fixed-width
/// ticket numbers (`CS00012345`), as a ticketing tool prints them.
enum RecordIdentity {
    /// Appends the id of call `number`, which arrived at `instant`.
    @inline(__always)
    static func writeCall(_ number: Int, arrivedAt instant: Int, to sink: ByteSink) {
        if instant < 0 { sink.append(UInt8(ascii: "-")) }
        sink.appendDecimal(abs(instant))
        sink.append(UInt8(ascii: "."))
        sink.appendDecimal(number)
    }

    /// Appends the id of case `number`.
    @inline(__always)
    static func writeCase(_ number: Int, to sink: ByteSink) {
        sink.append(UInt8(ascii: "C"))
        sink.append(UInt8(ascii: "S"))
        sink.appendDecimal(number, minimumWidth: 8)
    }
}
