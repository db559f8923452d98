import CZstd

/// Streams zstd frames from a `BlockReader` straight into caller-owned
/// buffers with one `ZSTD_DStream`, for the whole file.
///
/// Any sequence of zstd and skippable frames is one valid stream. The only way
/// to learn whether a frame is still open is the hint returned by a call to
/// `ZSTD_decompressStream` that made progress: 0 means "frame finished and
/// fully flushed". A call with no new input at a frame boundary returns a
/// non-zero hint although nothing is missing, so such calls must not update the
/// state, or every multi-frame file would look truncated.
///
/// A file cut exactly at a frame boundary is a valid, shorter stream: nothing
/// in the format can tell it from a file that was meant to end there.
final class ZstdStreamDecoder {
    /// zstd's preferred input block size, the floor for the reader's buffer.
    static var recommendedInputSize: Int { ZSTD_DStreamInSize() }

    private let stream: OpaquePointer
    private let path: String
    private let maxWindowLog: Int
    /// True between a frame's first byte and the call that finished flushing it.
    private var frameOpen = false

    /// `maxWindowLog`: the largest window a frame may ask for, as a power of
    /// two (``ZstdWindow``) — the memory the decoder may allocate for it.
    init(path: String, maxWindowLog: Int = ZstdWindow.defaultLog) throws(InputError) {
        guard let stream = ZSTD_createDStream() else {
            throw .cannotOpen(path: path, reason: "cannot allocate a zstd decoder")
        }
        self.stream = stream
        self.path = path
        self.maxWindowLog = maxWindowLog
        let set = ZSTD_DCtx_setParameter(stream, ZSTD_d_windowLogMax, Int32(maxWindowLog))
        if ZstdResult.isError(set) {
            ZSTD_freeDStream(stream)
            throw .cannotOpen(path: path, reason: "zstd refuses a window limit of 2^\(maxWindowLog): "
                + ZstdResult.errorName(set))
        }
    }

    deinit {
        ZSTD_freeDStream(stream)
    }

    /// Fills `buffer` as far as the input allows, reading more blocks from
    /// `reader` as needed. Returns less than `buffer.count` only at the end of
    /// the stream; throws `truncatedZstd` if the file ends inside a frame,
    /// `zstdWindowTooLarge` for a frame that needs a window above the limit,
    /// and `corruptZstd` for anything else libzstd rejects, including
    /// trailing bytes that are not a frame.
    func decode(into buffer: UnsafeMutableRawBufferPointer, from reader: BlockReader) throws(InputError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var output = ZSTD_outBuffer(dst: base, size: buffer.count, pos: 0)
        while output.pos < output.size {
            if reader.pending.isEmpty, !reader.atEndOfFile {
                try reader.readMore()
                continue
            }
            let pending = reader.pending
            if pending.isEmpty, !frameOpen {
                break
            }
            var input = ZSTD_inBuffer(src: pending.baseAddress, size: pending.count, pos: 0)
            let outputBefore = output.pos
            let hint = ZSTD_decompressStream(stream, &output, &input)
            if ZstdResult.isError(hint) {
                if ZstdResult.isWindowTooLarge(hint) {
                    // A frame's header comes first: when the frame began in this call, `pending` starts with it.
                    throw .zstdWindowTooLarge(path: path, windowLog: frameOpen ? nil : ZstdWindow.log(ofFrameAt: pending),
                                              limitLog: maxWindowLog)
                }
                throw .corruptZstd(path: path, detail: ZstdResult.errorName(hint))
            }
            reader.consume(input.pos)
            if input.pos > 0 || output.pos > outputBefore {
                frameOpen = hint != 0
            } else if pending.isEmpty {
                // The file ended, the open frame has nothing left to flush.
                throw .truncatedZstd(path: path)
            } else {
                throw .corruptZstd(path: path, detail: "the decoder made no progress")
            }
        }
        return output.pos
    }
}
