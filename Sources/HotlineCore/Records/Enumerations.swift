/// How a call attempt ended (SPEC §2.1 call log `outcome`).
public enum CallOutcome: UInt8, CaseIterable, Sendable {
    case answered, abandoned, timeout, busy, closed

    /// The outcome spelled exactly (lower case) by `bytes`, or `nil`.
    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        guard let value = ByteEnum<CallOutcome>.match(bytes, among: CallOutcome.spellings) else { return nil }
        self = value
    }

    @usableFromInline
    static let spellings: [(CallOutcome, StaticString)] = [
        (.answered, "answered"), (.abandoned, "abandoned"), (.timeout, "timeout"), (.busy, "busy"), (.closed, "closed"),
    ]
}

/// The medium of a CRM contact (SPEC §2.1 contact log `channel`).
public enum ContactChannel: UInt8, CaseIterable, Sendable {
    case phone, email, chat, callback

    /// Voice contacts are the ones a dial can lead to: they are the denominator
    /// of calls per useful contact.
    @inlinable public var isVoice: Bool { self == .phone || self == .callback }

    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        guard let value = ByteEnum<ContactChannel>.match(bytes, among: ContactChannel.spellings) else { return nil }
        self = value
    }

    @usableFromInline
    static let spellings: [(ContactChannel, StaticString)] = [
        (.phone, "phone"), (.email, "email"), (.chat, "chat"), (.callback, "callback"),
    ]
}

/// What a contact achieved for its case (SPEC §2.1 contact log `result`).
public enum ContactResult: UInt8, CaseIterable, Sendable, BitwiseCopyable {
    case resolved, progressed, escalated, transferred, noProgress

    /// A useful contact moved the case forward; a transfer with nothing done
    /// or a contact with no progress did not.
    @inlinable public var isUseful: Bool { self == .resolved || self == .progressed || self == .escalated }

    @inlinable
    public init?(bytes: UnsafeRawBufferPointer) {
        guard let value = ByteEnum<ContactResult>.match(bytes, among: ContactResult.spellings) else { return nil }
        self = value
    }

    @usableFromInline
    static let spellings: [(ContactResult, StaticString)] = [
        (.resolved, "resolved"), (.progressed, "progressed"), (.escalated, "escalated"),
        (.transferred, "transferred"), (.noProgress, "no_progress"),
    ]
}

/// Matches raw field bytes against a handful of exact spellings without
/// building a `String`: enums are parsed on every row.
@usableFromInline
enum ByteEnum<Value> {
    @inlinable
    static func match(_ bytes: UnsafeRawBufferPointer, among spellings: [(Value, StaticString)]) -> Value? {
        for (value, spelling) in spellings where spelling.utf8CodeUnitCount == bytes.count {
            if bytes.count == 0 || memoryEquals(bytes.baseAddress!, spelling.utf8Start, bytes.count) {
                return value
            }
        }
        return nil
    }

    @inlinable
    static func memoryEquals(_ lhs: UnsafeRawPointer, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for offset in 0..<count where lhs.load(fromByteOffset: offset, as: UInt8.self) != rhs[offset] {
            return false
        }
        return true
    }
}
