/// SPEC §2.1 line endings: `\n` or `\r\n`; a `\r` not followed by `\n` is data.
enum LineEnding {
    /// Where the content of the line `start..<end` of `base` stops: before the
    /// `\r` of a `\r\n` ending. `terminated` says whether a `\n` follows `end`.
    @inline(__always)
    static func contentEnd(_ base: UnsafeRawPointer, start: Int, end: Int, terminated: Bool) -> Int {
        terminated && end > start && base.load(fromByteOffset: end - 1, as: UInt8.self) == 0x0D ? end - 1 : end
    }
}
