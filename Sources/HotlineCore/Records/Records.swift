/// One accepted call-log row, as the accumulators need it.
///
/// The byte views borrow the parser's chunk buffer and are valid only during
/// the `add` call that receives the record: this is what keeps the hot loop
/// free of per-row `String` allocations.
public struct CallRecord {
    /// Empty for an anonymous caller.
    public var customer: UnsafeRawBufferPointer
    /// The queue the attempt first entered.
    public var queue: UnsafeRawBufferPointer
    /// Seconds since 1970-01-01T00:00:00Z.
    public var arrivedAt: Int64
    /// Seconds in queue until answer or hang-up, ≥ 0.
    public var waitSeconds: Int64
    /// Seconds of conversation, ≥ 0.
    public var talkSeconds: Int64
    public var outcome: CallOutcome
    /// Support level 1...3 of the agent who answered, 0 when the row gives
    /// none (switch logs never do): level-restricted SLA commitments need it.
    public var level: UInt8

    public init(customer: UnsafeRawBufferPointer, queue: UnsafeRawBufferPointer, arrivedAt: Int64,
                waitSeconds: Int64, talkSeconds: Int64, outcome: CallOutcome, level: UInt8 = 0) {
        self.customer = customer
        self.queue = queue
        self.arrivedAt = arrivedAt
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.outcome = outcome
        self.level = level
    }
}

/// One accepted contact-log row. Byte views are borrowed, as in `CallRecord`.
public struct ContactRecord {
    /// Breaks ties between a case's contacts that start at the same instant.
    public var contactID: UnsafeRawBufferPointer
    /// The case whose metrics the contact counts in.
    public var caseID: UnsafeRawBufferPointer
    public var queue: UnsafeRawBufferPointer
    /// Phone and callback contacts are the voice contacts.
    public var channel: ContactChannel
    /// Seconds since 1970-01-01T00:00:00Z.
    public var startedAt: Int64
    /// Support level 1...3.
    public var level: UInt8
    public var result: ContactResult
    /// Where the row stands in the input (files in the order given, then
    /// position in the file): the last tie-breaker for a case's first contact.
    public var inputPosition: InputPosition
    /// Empty when unknown; read only by a detailed report (customer effort).
    public var customer: UnsafeRawBufferPointer

    public init(contactID: UnsafeRawBufferPointer, caseID: UnsafeRawBufferPointer, queue: UnsafeRawBufferPointer,
                channel: ContactChannel, startedAt: Int64, level: UInt8, result: ContactResult,
                inputPosition: InputPosition, customer: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        self.customer = customer
        self.contactID = contactID
        self.caseID = caseID
        self.queue = queue
        self.channel = channel
        self.startedAt = startedAt
        self.level = level
        self.result = result
        self.inputPosition = inputPosition
    }
}

/// A total order on input rows that any worker can compute alone: the file's
/// index in the command line, then the row's byte offset in the decoded file.
///
/// Packed in one word (16 bits of file index, 48 bits of offset: 65 535 files
/// of up to 256 TiB each) because every case keeps one.
public struct InputPosition: Comparable, Hashable, Sendable, BitwiseCopyable {
    public static let maximumFileIndex = Int(UInt16.max)
    public static let maximumByteOffset: Int64 = 1 << 48 - 1

    private let packed: UInt64

    public init(fileIndex: Int, byteOffset: Int64) {
        precondition(fileIndex >= 0 && fileIndex <= Self.maximumFileIndex, "file index out of range")
        precondition(byteOffset >= 0 && byteOffset <= Self.maximumByteOffset, "byte offset out of range")
        packed = UInt64(fileIndex) << 48 | UInt64(byteOffset)
    }

    public static func < (lhs: InputPosition, rhs: InputPosition) -> Bool { lhs.packed < rhs.packed }
}
