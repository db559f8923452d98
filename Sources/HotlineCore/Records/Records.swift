/// One accepted call-log row, as the accumulators need it.
///
/// The byte views borrow the parser's chunk buffer and are valid only during
/// the `add` call that receives the record: this is what keeps the hot loop
/// free of per-row `String` allocations.
public struct CallRecord {
    /// Empty for an anonymous caller.
    public var customer: UnsafeRawBufferPointer
    public var queue: UnsafeRawBufferPointer
    /// Seconds since 1970-01-01T00:00:00Z.
    public var arrivedAt: Int64
    public var waitSeconds: Int64
    public var talkSeconds: Int64
    public var outcome: CallOutcome

    public init(customer: UnsafeRawBufferPointer, queue: UnsafeRawBufferPointer, arrivedAt: Int64,
                waitSeconds: Int64, talkSeconds: Int64, outcome: CallOutcome) {
        self.customer = customer
        self.queue = queue
        self.arrivedAt = arrivedAt
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.outcome = outcome
    }
}

/// One accepted contact-log row. Byte views are borrowed, as in `CallRecord`.
public struct ContactRecord {
    public var contactID: UnsafeRawBufferPointer
    public var caseID: UnsafeRawBufferPointer
    public var queue: UnsafeRawBufferPointer
    public var channel: ContactChannel
    /// Seconds since 1970-01-01T00:00:00Z.
    public var startedAt: Int64
    /// Support level 1...3.
    public var level: UInt8
    public var result: ContactResult
    /// Where the row stands in the input (files in the order given, then
    /// position in the file): the last tie-breaker for a case's first contact.
    public var inputPosition: InputPosition

    public init(contactID: UnsafeRawBufferPointer, caseID: UnsafeRawBufferPointer, queue: UnsafeRawBufferPointer,
                channel: ContactChannel, startedAt: Int64, level: UInt8, result: ContactResult,
                inputPosition: InputPosition) {
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
public struct InputPosition: Comparable, Hashable, Sendable {
    public var fileIndex: UInt32
    public var byteOffset: Int64

    public init(fileIndex: UInt32, byteOffset: Int64) {
        self.fileIndex = fileIndex
        self.byteOffset = byteOffset
    }

    public static func < (lhs: InputPosition, rhs: InputPosition) -> Bool {
        (lhs.fileIndex, lhs.byteOffset) < (rhs.fileIndex, rhs.byteOffset)
    }
}
