/// Standard output and standard error, written through the same
/// `write(2)` loop as every file (short and interrupted writes retried).
public enum StandardStream: Int32, Sendable {
    case output = 1
    case error = 2

    /// Writes every byte of `text`; throws `InputError.writeFailed` naming
    /// the stream (a closed pipe is "Broken pipe" once `SIGPIPE` is ignored).
    public func write(_ text: String) throws {
        let file = PosixFile(descriptor: rawValue, path: self == .output ? "standard output" : "standard error")
        var text = text
        try text.withUTF8 { try file.writeAll(UnsafeRawBufferPointer($0)) }
    }
}
