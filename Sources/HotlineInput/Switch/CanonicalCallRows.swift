import HotlineCore

/// Writes derived attempts as canonical call-log CSV rows (SPEC §2.1), the
/// output of `hotline convert`: what an analyst audits line by line.
enum CanonicalCallRows {
    static let header = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level\n"

    /// Appends `call` as one row; `arrived_at` in UTC, `level` empty (a switch log does not know it).
    static func append<Attempt: DerivedAttempt>(_ call: Attempt, to row: inout [UInt8]) {
        call.callID.withBytes { appendField($0, to: &row) }
        row.append(UInt8(ascii: ","))
        call.caller.withBytes { if !CallerID.isAnonymous($0) { appendField($0, to: &row) } }
        row.append(UInt8(ascii: ","))
        call.queue.withBytes { appendField($0, to: &row) }
        row.append(UInt8(ascii: ","))
        row += Array(isoTimestamp(call.arrivedAt).utf8)
        row += Array(",\(call.waitSeconds),\(call.talkSeconds),\(call.outcome.name),".utf8)
        if call.outcome == .answered { call.agent.withBytes { appendField($0, to: &row) } }
        row += Array(",\n".utf8)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func isoTimestamp(_ instant: Int64) -> String {
        let day = CivilDate.day(containing: instant)
        let second = instant - day * 86_400
        func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return CivilDate.isoDate(fromDays: day) + "T" + twoDigits(second / 3600) + ":" + twoDigits(second / 60 % 60)
            + ":" + twoDigits(second % 60) + "Z"
    }

    /// A field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    private static func appendField(_ bytes: UnsafeRawBufferPointer, to row: inout [UInt8]) {
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return row.append(contentsOf: bytes) }
        row.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { row.append(byte) }
            row.append(byte)
        }
        row.append(UInt8(ascii: "\""))
    }
}
