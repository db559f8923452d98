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

    init(pool: BufferPool, queue: WorkQueue<Chunk>, options: ReportJobOptions, progress: PipelineProgress) {
        self.pool = pool
        self.queue = queue
        self.options = options
        self.progress = progress
    }

    /// Queues every data line of `file`; returns its size on disk and decoded.
    mutating func read(_ file: InputFileSpec, index: Int) throws -> (onDisk: Int64, decoded: Int64) {
        let input = try DecodedInput(path: file.path)
        defer { input.close() }
        carry.removeAll(keepingCapacity: true)
        var context: InputFileContext?
        var bufferOffset: Int64 = 0
        var endOfInput = false
        repeat {
            let buffer = pool.take()
            carry.withUnsafeBytes { buffer.append($0) }
            carry.removeAll(keepingCapacity: true)
            let cut: Int
            do {
                cut = try fill(buffer, from: input, endOfInput: &endOfInput, bufferOffset: bufferOffset)
            } catch {
                release(buffer)
                throw error
            }
            var start = 0
            if context == nil {
                do {
                    let header = try readHeader(buffer, cut: cut, path: file.path, forcedKind: file.kind)
                    context = InputFileContext(index: index, path: file.path, layout: header.layout)
                    start = header.dataStart
                } catch {
                    release(buffer)
                    throw error
                }
            }
            carry.append(contentsOf: buffer.bytes(cut..<buffer.count))
            if start < cut, let context {
                queue.push(Chunk(buffer: buffer, range: start..<cut, startOffset: bufferOffset + Int64(start),
                                 file: context, sequence: nextSequence))
                nextSequence += 1
            } else {
                release(buffer)
            }
            bufferOffset += Int64(cut)
        } while !(endOfInput && carry.isEmpty)
        return (input.fileSize, input.bytesDecoded)
    }

    /// Fills `buffer` and returns where its last complete line ends (the end
    /// of the data once the input is exhausted), growing the buffer for a
    /// line longer than a chunk.
    private func fill(_ buffer: ChunkBuffer, from input: DecodedInput, endOfInput: inout Bool,
                      bufferOffset: Int64) throws -> Int {
        var searched = 0
        while true {
            while !endOfInput && buffer.count < buffer.capacity {
                let added = try input.read(into: buffer.freeSpace)
                if added == 0 { endOfInput = true }
                buffer.count += added
                progress.addDecoded(added)
            }
            if endOfInput { return buffer.count }
            if let end = buffer.endOfLastLine(from: searched) { return end }
            searched = buffer.count
            guard buffer.capacity < options.maxLineBytes else {
                throw InputError.lineTooLong(path: input.path, byteOffset: bufferOffset, limit: options.maxLineBytes)
            }
            buffer.grow(toAtLeast: buffer.capacity * 2)
        }
    }

    /// The column layout from the file's first line, and where the data starts.
    private func readHeader(_ buffer: ChunkBuffer, cut: Int, path: String,
                            forcedKind: LogKind?) throws -> (layout: ColumnLayout, dataStart: Int) {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = buffer.count >= 3 && Array(buffer.bytes(0..<3)) == byteOrderMark ? 3 : 0
        let newline = buffer.firstNewline(from: start)
        var headerEnd = newline ?? cut
        if newline != nil, headerEnd > start, buffer.bytes(headerEnd - 1..<headerEnd)[0] == 0x0D { headerEnd -= 1 }
        let layout = try ColumnLayout(headerLine: buffer.bytes(start..<headerEnd), path: path, forcedKind: forcedKind)
        return (layout, newline.map { $0 + 1 } ?? cut)
    }

    private func release(_ buffer: ChunkBuffer) {
        pool.giveBack(buffer)
        pool.returnTicket()
    }
}
