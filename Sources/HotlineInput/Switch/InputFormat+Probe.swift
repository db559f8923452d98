extension InputFormat {
    /// How far a probe reads for the first line.
    private static let probeBytes = 1 << 16

    /// A file's format, read from its first line before the run starts, so
    /// that the run knows which inputs meet (a queue_log and a CDR must be
    /// matched call by call). Nil when that cannot be told without consuming
    /// the input (not a regular file: a pipe), for an empty or unreadable
    /// file, a first line longer than 64 KiB, or a format error — which the
    /// run itself then reports with its context.
    static func probe(_ file: InputFileSpec) -> InputFormat? {
        guard let status = try? FileSystem.status(file.path), status.kind == .regular, status.size > 0,
              let input = try? DecodedInput(path: file.path) else { return nil }
        defer { input.close() }
        var prefix = [UInt8](repeating: 0, count: probeBytes)
        return prefix.withUnsafeMutableBytes { buffer -> InputFormat? in
            var count = 0
            while count < buffer.count {
                guard let added = try? input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])),
                      added > 0 else { break }
                count += added
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let newline = bytes[start...].firstIndex(of: 0x0A)
            guard newline != nil || count < buffer.count, let base = bytes.baseAddress else { return nil }
            let end = LineEnding.contentEnd(base, start: start, end: newline ?? count, terminated: newline != nil)
            return try? detect(firstLine: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), path: file.path,
                               forced: file.format).format
        }
    }

    /// Whether a run over `files` reads both a queue_log and a CDR, counting
    /// a file whose format cannot be probed as either.
    static func mayReadQueueLogAndCDR(_ files: [InputFileSpec]) -> Bool {
        guard files.count > 1 else { return false }
        var mayHaveQueueLog = false, mayHaveCDR = false
        for file in files {
            switch probe(file) {
            case .queueLog?: mayHaveQueueLog = true
            case .cdr?: mayHaveCDR = true
            case .canonical?: break
            case nil: (mayHaveQueueLog, mayHaveCDR) = (true, true)
            }
        }
        return mayHaveQueueLog && mayHaveCDR
    }
}
