import HotlineInput

/// Writes the contact log: SPEC §2.1 columns in their documented order.
///
/// A CRM records voice contacts (phone, callback) on the site's local clock
/// with its offset (`+01:00`) while the e-mail and chat tools store UTC
/// (`Z`), so both timestamp forms appear in one file, as in real exports.
struct ContactLogWriter {
    static let header = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result\n"

    let sink: ByteSink
    private let customers: CustomerIdentity
    private var localClock = TimestampWriter(offsetSeconds: SiteClock.offsetSeconds)
    private var utcClock = TimestampWriter(offsetSeconds: 0)
    private(set) var rows = 0

    init(file: OutputFile, customers: CustomerIdentity) throws {
        sink = try ByteSink.startingWith(Self.header, file: file)
        self.customers = customers
    }

    /// Appends `contact` as contact `k<rows + 1>`: ids follow the file's
    /// time order, as a CRM numbers contacts when they are logged.
    mutating func write(_ contact: PendingContact) throws {
        try sink.reserve(ByteSink.maximumRowLength)
        rows += 1
        sink.append(UInt8(ascii: "k"))
        sink.appendDecimal(rows)
        sink.append(UInt8(ascii: ","))
        RecordIdentity.writeCase(contact.caseNumber, to: sink)
        sink.append(UInt8(ascii: ","))
        if contact.customer >= 0 { customers.write(contact.customer, to: sink) }
        sink.append(UInt8(ascii: ","))
        if contact.call > 0 { RecordIdentity.writeCall(contact.call, arrivedAt: contact.callArrival, to: sink) }
        sink.append(UInt8(ascii: ","))
        sink.append(QueueProfile.all[contact.queue].name.csv)
        sink.append(UInt8(ascii: ","))
        sink.append(contact.channel.token)
        sink.append(UInt8(ascii: ","))
        switch contact.channel {
        case .phone, .callback: localClock.write(contact.time, to: sink)
        case .email, .chat: utcClock.write(contact.time, to: sink)
        }
        sink.append(UInt8(ascii: ","))
        sink.append(AgentDirectory.tokens[contact.queue][contact.level - 1][contact.agent])
        sink.append(UInt8(ascii: ","))
        sink.append(AgentDirectory.levelTokens[contact.level - 1])
        sink.append(UInt8(ascii: ","))
        sink.append(contact.result.token)
        sink.append(UInt8(ascii: "\n"))
    }
}
