/// A buffered output file, plain or zstd (streaming, with content checksum,
/// as the zstd CLI writes), placed by ``OutputTarget``'s rule: a regular file
/// is replaced atomically at `close()`, a device or FIFO is streamed into,
/// `-` is standard output.
///
/// Writes are gathered in a 256 KiB buffer, so that many small writes (one
/// line each, as reports and reject files make them) cost one system call or
/// one compression step per buffer; writes larger than the buffer go straight
/// through. Call `close()` to put the file in place and learn about errors;
/// an object released unclosed is discarded (its temporary file removed), so
/// a failed run never leaves a partial file that looks complete. One thread
/// at a time.
public final class OutputFile {
    /// The path as given: every error names it.
    public let path: String
    private static let stagingCapacity = 256 << 10

    private let target: OutputTarget
    /// nil once finished or discarded.
    private var file: PosixFile?
    private var encoder: ZstdStreamEncoder?
    private let staging: UnsafeMutableRawBufferPointer
    private var stagedCount = 0

    /// Opens `path` for writing by the output rule; throws `InputError.cannotOpen`
    /// (a directory, a directory that does not exist, no permission).
    public init(path: String, compression: OutputCompression) throws {
        self.path = path
        target = try OutputTarget.resolve(path)
        if case .zstd(let level) = compression {
            encoder = try ZstdStreamEncoder(path: path, level: level)
        }
        file = try target.open(displayPath: path)
        staging = .allocate(byteCount: Self.stagingCapacity, alignment: 16)
    }

    deinit {
        discard()
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

    /// Completes the file and puts it in place; idempotent. On failure
    /// nothing replaces the target.
    public func close() throws {
        guard file != nil else { return }
        try finish().publish()
    }

    /// Completes the file without putting it in place yet: flushes, ends the
    /// zstd frame, forces a file to be replaced to disk and closes it. The
    /// returned value publishes it (or discards it) later — for an output
    /// that must only replace the old one once another step has succeeded.
    /// On failure the temporary file is removed and the first error thrown.
    public func finish() throws -> StagedOutput {
        guard let file else { throw InputError.writeFailed(path: path, reason: "the file is closed") }
        self.file = nil
        defer { encoder = nil }
        let staged = StagedOutput(path: path, target: target)
        var failure: Error?
        do {
            try flushStaging(to: file)
            try encoder?.finish(to: file)
            if case .replace = target { try file.synchronize() }
        } catch {
            failure = error
        }
        let closeFailure = file.close()
        if failure == nil, let closeFailure { failure = InputError.writeFailed(path: path, reason: closeFailure) }
        if let failure {
            staged.discard()
            throw failure
        }
        return staged
    }

    /// Abandons the file after a failed run: closes it and removes its
    /// temporary file; a streamed target keeps what was written. Idempotent.
    public func discard() {
        guard let file else { return }
        self.file = nil
        encoder = nil
        _ = file.close()
        StagedOutput(path: path, target: target).discard()
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

/// A finished output not yet in place: its temporary file renamed over the
/// target by `publish()`, or removed by `discard()`. A streamed output is in
/// place already, and both do nothing.
public struct StagedOutput: Sendable {
    public let path: String
    fileprivate let target: OutputTarget

    public func publish() throws(InputError) {
        guard case .replace(let finalPath, let temporaryPath, _) = target else { return }
        do {
            try FileSystem.rename(temporaryPath, over: finalPath, displayPath: path)
        } catch {
            discard()
            throw error
        }
    }

    public func discard() {
        guard case .replace(_, let temporaryPath, _) = target else { return }
        FileSystem.removeIfPresent(temporaryPath)
    }
}
