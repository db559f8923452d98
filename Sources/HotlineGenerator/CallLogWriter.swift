import HotlineInput

/// Writes the call log: SPEC §2.1 columns in their documented order, times
/// in UTC (`Z`), as a switch export would.
struct CallLogWriter {
    static let header = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level\n"

    let sink: ByteSink
    private let customers: CustomerIdentity
    private var clock = TimestampWriter(offsetSeconds: 0)
    private(set) var rows = 0

    init(file: OutputFile, customers: CustomerIdentity) throws {
        sink = try ByteSink.startingWith(Self.header, file: file)
        self.customers = customers
    }

    /// Appends the row of call `number`.
    mutating func write(call number: Int, customer: Int, queue: Int, arrivedAt: Int, attempt: Attempt) throws {
        try sink.reserve(ByteSink.maximumRowLength)
        RecordIdentity.writeCall(number, arrivedAt: arrivedAt, to: sink)
        sink.append(UInt8(ascii: ","))
        if customer >= 0 { customers.write(customer, to: sink) }
        sink.append(UInt8(ascii: ","))
        sink.append(QueueProfile.all[queue].name.csv)
        sink.append(UInt8(ascii: ","))
        clock.write(arrivedAt, to: sink)
        sink.append(UInt8(ascii: ","))
        sink.appendDecimal(attempt.wait)
        sink.append(UInt8(ascii: ","))
        sink.appendDecimal(attempt.talk)
        sink.append(UInt8(ascii: ","))
        sink.append(attempt.outcome.token)
        sink.append(UInt8(ascii: ","))
        if attempt.level > 0 {
            sink.append(AgentDirectory.tokens[queue][attempt.level - 1][attempt.agent])
            sink.append(UInt8(ascii: ","))
            sink.append(AgentDirectory.levelTokens[attempt.level - 1])
        } else {
            sink.append(UInt8(ascii: ","))
        }
        sink.append(UInt8(ascii: "\n"))
        rows += 1
    }
}
