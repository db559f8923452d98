/// Bytes of a switch log as call assembly carries them: views into a chunk
/// buffer while one worker assembles the calls of its chunk, owned copies
/// once a call outlives its chunk. The state machine (``CallSlot``) is the
/// same for both, so a call assembled across chunks follows exactly the rules
/// of one assembled inside a chunk.
public protocol SwitchText {
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension UnsafeRawBufferPointer: SwitchText {
    @inline(__always)
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(self)
    }
}

extension Array: SwitchText where Element == UInt8 {
    @inline(__always)
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(body)
    }
}

/// Caller ids that Asterisk writes when the number is withheld or missing.
public enum CallerID {
    /// Empty, `anonymous`, `unknown` or `NONE`, in any letter case: the
    /// attempt counts in call metrics and in no customer metric (SPEC §2.1).
    public static func isAnonymous(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch bytes.count {
        case 0: true
        case 4: equalsIgnoringCase(bytes, "none")
        case 7: equalsIgnoringCase(bytes, "unknown")
        case 9: equalsIgnoringCase(bytes, "anonymous")
        default: false
        }
    }

    /// ASCII case-insensitive comparison with a lower-case literal of the same length.
    public static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }
}
