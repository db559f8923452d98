/// A buffered output file, plain or zstd (streaming, with content checksum, as the zstd CLI writes).
///
/// Writes are gathered in a 256 KiB buffer, so that many small writes (one
/// line each, as reports and reject files make them) cost one system call or
/// one compression step per buffer; writes larger than the buffer go straight
/// through. Call `close()` to learn about errors: if the object is released
/// unclosed it still flushes and ends the zstd frame, but errors are lost.
/// One thread at a time.
public final class OutputFile {
    public let path: String
    private static let stagingCapacity = 256 << 10

    /// nil once closed.
    private var file: PosixFile?
    private var encoder: ZstdStreamEncoder?
    private let staging: UnsafeMutableRawBufferPointer
    private var stagedCount = 0

    /// Creates `path`, or truncates it; throws `InputError.cannotOpen` (e.g. a
    /// directory that does not exist, no permission).
    public init(path: String, compression: OutputCompression) throws {
        self.path = path
        if case .zstd(let level) = compression {
            encoder = try ZstdStreamEncoder(path: path, level: level)
        }
        file = try PosixFile.createForWriting(path)
        staging = .allocate(byteCount: Self.stagingCapacity, alignment: 16)
    }

    deinit {
        try? close()
        staging.deallocate()
    }

    /// Appends `bytes`; throws `InputError.writeFailed` (disk full, closed file, …).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let file else {
            throw InputError.writeFailed(path: path, reason: "the file is closed")
        }
        if bytes.count > staging.count - stagedCount {
            try flushStaging(to: file)
        }
        if bytes.count >= staging.count {
            try emit(bytes, to: file)
        } else if let base = bytes.baseAddress {
            (staging.baseAddress! + stagedCount).copyMemory(from: base, byteCount: bytes.count)
            stagedCount += bytes.count
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Flushes, ends the zstd frame and closes the file; idempotent. The file
    /// is closed even when flushing fails, and that first error is thrown.
    public func close() throws {
        guard let file else { return }
        defer {
            self.file = nil
            encoder = nil
        }
        var failure: InputError?
        do {
            try flushStaging(to: file)
            try encoder?.finish(to: file)
        } catch {
            failure = error
        }
        let closeFailure = file.close()
        if let failure { throw failure }
        if let closeFailure { throw InputError.writeFailed(path: path, reason: closeFailure) }
    }

    private func flushStaging(to file: PosixFile) throws(InputError) {
        guard stagedCount > 0 else { return }
        let staged = UnsafeRawBufferPointer(rebasing: staging[..<stagedCount])
        stagedCount = 0
        try emit(staged, to: file)
    }

    private func emit(_ bytes: UnsafeRawBufferPointer, to file: PosixFile) throws(InputError) {
        if let encoder {
            try encoder.compress(bytes, to: file)
        } else {
            try file.writeAll(bytes)
        }
    }
}
