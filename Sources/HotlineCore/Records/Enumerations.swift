/// How a call attempt ended (SPEC §2.1 call log `outcome`).
public enum CallOutcome: UInt8, CaseIterable, Sendable {
    case answered, abandoned, timeout, busy, closed

    /// The outcome as the call log spells it.
    public var name: String {
        switch self {
        case .answered: "answered"
        case .abandoned: "abandoned"
        case .timeout: "timeout"
        case .busy: "busy"
        case .closed: "closed"
        }
    }

    /// The outcome spelled exactly (lower case) by `bytes`, or `nil`.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 8 where bytes.spells("answered"): self = .answered
        case 9 where bytes.spells("abandoned"): self = .abandoned
        case 7 where bytes.spells("timeout"): self = .timeout
        case 4 where bytes.spells("busy"): self = .busy
        case 6 where bytes.spells("closed"): self = .closed
        default: return nil
        }
    }
}

/// The medium of a CRM contact (SPEC §2.1 contact log `channel`).
public enum ContactChannel: UInt8, CaseIterable, Sendable {
    case phone, email, chat, callback

    /// Voice contacts are the ones a dial can lead to: they are the denominator
    /// of calls per useful contact.
    @inlinable public var isVoice: Bool { self == .phone || self == .callback }

    /// The channel spelled exactly (lower case) by `bytes`, or `nil`.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 5 where bytes.spells("phone"): self = .phone
        case 5 where bytes.spells("email"): self = .email
        case 4 where bytes.spells("chat"): self = .chat
        case 8 where bytes.spells("callback"): self = .callback
        default: return nil
        }
    }
}

/// What a contact achieved for its case (SPEC §2.1 contact log `result`).
public enum ContactResult: UInt8, CaseIterable, Sendable, BitwiseCopyable {
    case resolved, progressed, escalated, transferred, noProgress

    /// A useful contact moved the case forward; a transfer with nothing done
    /// or a contact with no progress did not.
    @inlinable public var isUseful: Bool { self == .resolved || self == .progressed || self == .escalated }

    /// The result spelled exactly (lower case) by `bytes`, or `nil`.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 8 where bytes.spells("resolved"): self = .resolved
        case 10 where bytes.spells("progressed"): self = .progressed
        case 9 where bytes.spells("escalated"): self = .escalated
        case 11 where bytes.spells("transferred"): self = .transferred
        case 11 where bytes.spells("no_progress"): self = .noProgress
        default: return nil
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Whether these bytes are exactly `word`: enums are matched on raw field
    /// bytes, on every row, without building a `String`.
    @inlinable
    func spells(_ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == count else { return false }
        guard let base = baseAddress else { return true }
        let expected = word.utf8Start
        for offset in 0..<count where base.load(fromByteOffset: offset, as: UInt8.self) != expected[offset] {
            return false
        }
        return true
    }
}
