import HotlineCore

/// Turns the fields of one call-log line into a `CallRecord`, or the reason it is rejected.
struct CallRowParser {
    private let callID, customerID, queue, arrivedAt, waitSeconds, talkSeconds, outcome, level: Int

    init(layout: ColumnLayout) {
        precondition(layout.kind == .calls)
        func index(_ column: CallColumn) -> Int { layout.indices[CallColumn.allCases.firstIndex(of: column)!] }
        callID = index(.callID)
        customerID = index(.customerID)
        queue = index(.queue)
        arrivedAt = index(.arrivedAt)
        waitSeconds = index(.waitSeconds)
        talkSeconds = index(.talkSeconds)
        outcome = index(.outcome)
        level = index(.level)
    }

    /// `dates` remembers the day of the last date read, for the next rows.
    @inline(__always)
    func parse(_ fields: FieldReader, dates: inout TimestampDateMemo) -> Result<CallRecord, RejectReason> {
        guard !fields.bytes(callID).isEmpty else { return .failure(.field(CallColumn.callID, .empty)) }
        let queueBytes = fields.bytes(queue)
        guard !queueBytes.isEmpty else { return .failure(.field(CallColumn.queue, .empty)) }
        let arrived: Int64
        switch FieldParsing.timestamp(fields.bytes(arrivedAt), memo: &dates) {
        case .success(let value): arrived = value
        case .failure(let problem): return .failure(.field(CallColumn.arrivedAt, problem))
        }
        let wait: Int64
        switch FieldParsing.nonNegativeInteger(fields.bytes(waitSeconds)) {
        case .success(let value): wait = value
        case .failure(let problem): return .failure(.field(CallColumn.waitSeconds, problem))
        }
        let talk: Int64
        switch FieldParsing.nonNegativeInteger(fields.bytes(talkSeconds)) {
        case .success(let value): talk = value
        case .failure(let problem): return .failure(.field(CallColumn.talkSeconds, problem))
        }
        let outcomeBytes = fields.bytes(outcome)
        guard let callOutcome = CallOutcome(bytes: outcomeBytes) else {
            return .failure(.field(CallColumn.outcome, outcomeBytes.isEmpty ? .empty : .unknownValue))
        }
        let levelBytes = fields.bytes(level)
        var callLevel: UInt8 = 0
        if !levelBytes.isEmpty {
            switch FieldParsing.level(levelBytes) {
            case .success(let value): callLevel = value
            case .failure(let problem): return .failure(.field(CallColumn.level, problem))
            }
        }
        return .success(CallRecord(customer: fields.bytes(customerID), queue: queueBytes, arrivedAt: arrived,
                                   waitSeconds: wait, talkSeconds: talk, outcome: callOutcome, level: callLevel))
    }
}

/// Turns the fields of one contact-log line into a `ContactRecord`, or the reason it is rejected.
struct ContactRowParser {
    private let contactID, caseID, customerID, queue, channel, startedAt, level, result: Int

    init(layout: ColumnLayout) {
        precondition(layout.kind == .contacts)
        func index(_ column: ContactColumn) -> Int { layout.indices[ContactColumn.allCases.firstIndex(of: column)!] }
        contactID = index(.contactID)
        caseID = index(.caseID)
        customerID = index(.customerID)
        queue = index(.queue)
        channel = index(.channel)
        startedAt = index(.startedAt)
        level = index(.level)
        result = index(.result)
    }

    /// `dates` remembers the day of the last date read, for the next rows.
    @inline(__always)
    func parse(_ fields: FieldReader, position: InputPosition,
               dates: inout TimestampDateMemo) -> Result<ContactRecord, RejectReason> {
        let contactBytes = fields.bytes(contactID)
        guard !contactBytes.isEmpty else { return .failure(.field(ContactColumn.contactID, .empty)) }
        let caseBytes = fields.bytes(caseID)
        guard !caseBytes.isEmpty else { return .failure(.field(ContactColumn.caseID, .empty)) }
        let queueBytes = fields.bytes(queue)
        guard !queueBytes.isEmpty else { return .failure(.field(ContactColumn.queue, .empty)) }
        let channelBytes = fields.bytes(channel)
        guard let contactChannel = ContactChannel(bytes: channelBytes) else {
            return .failure(.field(ContactColumn.channel, channelBytes.isEmpty ? .empty : .unknownValue))
        }
        let started: Int64
        switch FieldParsing.timestamp(fields.bytes(startedAt), memo: &dates) {
        case .success(let value): started = value
        case .failure(let problem): return .failure(.field(ContactColumn.startedAt, problem))
        }
        let contactLevel: UInt8
        switch FieldParsing.level(fields.bytes(level)) {
        case .success(let value): contactLevel = value
        case .failure(let problem): return .failure(.field(ContactColumn.level, problem))
        }
        let resultBytes = fields.bytes(result)
        guard let contactResult = ContactResult(bytes: resultBytes) else {
            return .failure(.field(ContactColumn.result, resultBytes.isEmpty ? .empty : .unknownValue))
        }
        return .success(ContactRecord(contactID: contactBytes, caseID: caseBytes, queue: queueBytes,
                                      channel: contactChannel, startedAt: started, level: contactLevel,
                                      result: contactResult, inputPosition: position, customer: fields.bytes(customerID)))
    }
}

/// The fields of the line being parsed, unescaped on demand. Each field is
/// read once per row: the unescape buffer has room for the line once.
///
/// Holds only raw views — of the tokenizer's spans and of the unescape
/// scratch memory — which `ChunkParser` keeps alive while it parses the line:
/// this keeps reference counting off the per-row path. Field indices come
/// from the header layout, and a line is parsed only when its field count
/// equals the header's, so every index is a tokenized field.
struct FieldReader {
    let line: UnsafeRawBufferPointer
    let spans: UnsafePointer<FieldSpan>
    let scratch: ScratchSpace

    @inline(__always)
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        scratch.bytes(of: spans[index], in: line)
    }
}

extension RejectReason {
    /// A rejected field, named as in the header.
    static func field(_ column: CallColumn, _ problem: FieldProblem) -> RejectReason {
        .field(column: column.rawValue, problem: problem)
    }

    static func field(_ column: ContactColumn, _ problem: FieldProblem) -> RejectReason {
        .field(column: column.rawValue, problem: problem)
    }
}
