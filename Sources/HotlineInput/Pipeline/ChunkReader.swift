/// Decodes one file after another into pool buffers, reads each file's
/// header, and queues the rest as chunks that end at a line end — which is
/// what lets any worker parse any chunk (SPEC: a line is a row).
struct ChunkReader {
    private let pool: BufferPool
    private let queue: WorkQueue<Chunk>
    private let options: ReportJobOptions
    private let progress: PipelineProgress
    private var nextSequence = 0
    /// The partial last line of a buffer, moved to the front of the next one.
    private var carry: [UInt8] = []
    /// Time spent opening, reading and decoding the files, measured per buffer fill.
    private(set) var decodeTime: Duration = .zero

    init(pool: BufferPool, queue: WorkQueue<Chunk>, options: ReportJobOptions, progress: PipelineProgress) {
        self.pool = pool
        self.queue = queue
        self.options = options
        self.progress = progress
    }

    /// Queues every data line of `file`; returns the bytes read from it and
    /// decoded, its format (nil for an empty file) and, with
    /// `checksumsInputs`, the checksum of the bytes read.
    mutating func read(_ file: InputFileSpec, index: Int) throws
        -> (read: Int64, decoded: Int64, format: InputFormat?, checksum: String?) {
        let opening = MonotonicInstant.now
        let input = try DecodedInput(path: file.path, maxWindowLog: options.maxWindowLog,
                                     checksummed: options.checksumsInputs)
        decodeTime += opening.elapsed
        defer { input.close() }
        carry.removeAll(keepingCapacity: true)
        var context: InputFileContext?
        var bufferOffset: Int64 = 0
        var endOfInput = false
        repeat {
            let buffer = pool.take()
            carry.withUnsafeBytes { buffer.append($0) }
            carry.removeAll(keepingCapacity: true)
            let cut: Int, skippedLines: Int
            do {
                (cut, skippedLines) = try fill(buffer, from: input, endOfInput: &endOfInput, bufferOffset: &bufferOffset,
                                               skipsLongLines: context != nil)
            } catch {
                release(buffer)
                throw error
            }
            var start = 0
            if context == nil {
                do {
                    let header = try readFirstLine(buffer, cut: cut, path: file.path, forced: file.format)
                    if options.convertedCalls != nil, !header.format.isSwitchLog {
                        throw InputError.notASwitchLog(path: file.path)
                    }
                    context = InputFileContext(index: index, path: file.path, format: header.format,
                                               firstDataLine: header.isHeader ? 2 : 1)
                    start = header.dataStart
                } catch {
                    release(buffer)
                    throw error
                }
            }
            carry.append(contentsOf: buffer.bytes(cut..<buffer.count))
            if start < cut || skippedLines > 0, let context {
                queue.push(Chunk(buffer: buffer, range: start..<cut, startOffset: bufferOffset + Int64(start),
                                 skippedLongLines: skippedLines, file: context, sequence: nextSequence))
                nextSequence += 1
            } else {
                release(buffer)
            }
            bufferOffset += Int64(cut)
        } while !(endOfInput && carry.isEmpty)
        return (input.bytesRead, input.bytesDecoded, context?.format, input.checksum)
    }

    /// Fills `buffer` and returns where its last complete line ends (the end
    /// of the data once the input is exhausted), growing the buffer for a
    /// line longer than a chunk. A line of `maxLineBytes` or more is read
    /// past without being kept, and counted in `skippedLines`: it precedes
    /// the returned lines. (A header that long is fatal: nothing can be
    /// parsed without it.)
    private mutating func fill(_ buffer: ChunkBuffer, from input: DecodedInput, endOfInput: inout Bool,
                      bufferOffset: inout Int64, skipsLongLines: Bool) throws -> (cut: Int, skippedLines: Int) {
        var searched = 0
        var skippedLines = 0
        while true {
            try topUp(buffer, from: input, endOfInput: &endOfInput)
            if endOfInput { return (buffer.count, skippedLines) }
            if let end = buffer.endOfLastLine(from: searched) { return (end, skippedLines) }
            searched = buffer.count
            if buffer.capacity < options.maxLineBytes {
                buffer.grow(toAtLeast: min(buffer.capacity * 2, options.maxLineBytes))
                continue
            }
            guard skipsLongLines else {
                throw InputError.lineTooLong(path: input.path, byteOffset: bufferOffset, limit: options.maxLineBytes)
            }
            try skipRestOfLine(buffer, from: input, endOfInput: &endOfInput, bufferOffset: &bufferOffset)
            skippedLines += 1
            searched = 0
        }
    }

    /// Discards the buffer, which holds the start of one overlong line, and
    /// the rest of that line up to its `\n`; what follows it is kept at the
    /// front of the buffer.
    private mutating func skipRestOfLine(_ buffer: ChunkBuffer, from input: DecodedInput, endOfInput: inout Bool,
                                bufferOffset: inout Int64) throws {
        while true {
            if let newline = buffer.firstNewline(from: 0) {
                bufferOffset += Int64(newline + 1)
                buffer.discardFront(newline + 1)
                return
            }
            bufferOffset += Int64(buffer.count)
            buffer.count = 0
            if endOfInput { return }
            try topUp(buffer, from: input, endOfInput: &endOfInput)
        }
    }

    /// Decodes into the buffer's free space until it is full or the input ends.
    private mutating func topUp(_ buffer: ChunkBuffer, from input: DecodedInput, endOfInput: inout Bool) throws {
        let started = MonotonicInstant.now
        defer { decodeTime += started.elapsed }
        while !endOfInput && buffer.count < buffer.capacity {
            let added = try input.read(into: buffer.freeSpace)
            if added == 0 { endOfInput = true }
            buffer.count += added
            progress.addDecoded(added)
        }
    }

    /// The file's format from its first line, and where the data starts: after
    /// that line if it is a header, at the first byte (past a BOM) otherwise.
    private func readFirstLine(_ buffer: ChunkBuffer, cut: Int, path: String, forced: InputFormatName?) throws
        -> (format: InputFormat, isHeader: Bool, dataStart: Int) {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = buffer.count >= 3 && Array(buffer.bytes(0..<3)) == byteOrderMark ? 3 : 0
        let newline = buffer.firstNewline(from: start)
        let lineEnd = LineEnding.contentEnd(buffer.base, start: start, end: newline ?? cut, terminated: newline != nil)
        let (format, isHeader) = try InputFormat.detect(firstLine: buffer.bytes(start..<lineEnd), path: path,
                                                        forced: forced)
        return (format, isHeader, isHeader ? newline.map { $0 + 1 } ?? cut : start)
    }

    private func release(_ buffer: ChunkBuffer) {
        pool.giveBack(buffer)
        pool.returnTicket()
    }
}
