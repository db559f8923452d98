import HotlineCore

/// Where a queue_log's fields are: the raw pipe-separated file Asterisk
/// writes, or a table exported from a database with a header.
public enum QueueLogLayout: Sendable, Equatable {
    /// `epoch|callid|queue|agent|EVENT|data…`.
    case raw
    case table(QueueLogTableColumns)

    /// Whether a first line is a raw queue_log line: digits, then at least four `|`
    /// separators, the fifth field an upper-case event name.
    static func isRawLine(_ line: UnsafeRawBufferPointer) -> Bool {
        let fields = line.split(separator: UInt8(ascii: "|"), maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 5, !fields[0].isEmpty, fields[0].allSatisfy({ $0 &- 48 < 10 }) else { return false }
        let event = fields[4]
        return !event.isEmpty && event.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "_") }
    }
}

/// The columns of a queue_log table (Asterisk's realtime `queue_log` table,
/// Wazo's, or PBXware's own), found by header name.
public struct QueueLogTableColumns: Sendable, Equatable {
    /// How the event's data fields are stored.
    public enum DataColumns: Sendable, Equatable {
        /// `data1`…`data5`.
        case numbered([Int])
        /// One `data` column holding the fields joined by `|`.
        case joined(Int)
        /// PBXware: `param1`… and its own `htime` (seconds waited) and `ttime` (seconds talked).
        case pbxware(params: [Int], waitSeconds: Int, talkSeconds: Int)
    }

    public let fieldCount: Int
    /// An epoch column (`date_time`, or `time` holding digits) or a local `time` text.
    public let time: Int
    public let callID: Int
    public let queue: Int
    public let agent: Int
    public let event: Int
    public let data: DataColumns

    /// The layout a header describes, or nil if it is not a queue_log table.
    public init?(header names: [String]) {
        func column(_ candidates: String...) -> Int? {
            candidates.lazy.compactMap { candidate in names.firstIndex { $0.lowercased() == candidate } }.first
        }
        guard let callID = column("callid"), let event = column("event"),
              let queue = column("queuename", "queue_name"), let agent = column("agent", "type"),
              let time = column("date_time", "time")
        else { return nil }
        if let waitSeconds = column("htime"), let talkSeconds = column("ttime") {
            let params = ["param1", "param2", "param3"].compactMap { column($0) }
            data = .pbxware(params: params, waitSeconds: waitSeconds, talkSeconds: talkSeconds)
        } else if let joined = column("data") {
            data = .joined(joined)
        } else {
            data = .numbered((1...5).compactMap { column("data\($0)") })
        }
        fieldCount = names.count
        self.time = time
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.event = event
    }
}
