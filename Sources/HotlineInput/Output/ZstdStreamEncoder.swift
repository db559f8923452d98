import CZstd

/// One zstd frame written as a stream, with the XXH64 content checksum the
/// `zstd` CLI adds by default so that corruption of the file is detected on
/// reading. The content size is not known in advance, so the frame header
/// does not record it (as with `zstd < input`).
final class ZstdStreamEncoder {
    private let context: OpaquePointer
    private let path: String
    /// Compressed bytes waiting to be written, sized as libzstd recommends.
    private let output: UnsafeMutableRawBufferPointer

    init(path: String, level: Int32) throws(InputError) {
        guard let context = ZSTD_createCCtx() else {
            throw .cannotOpen(path: path, reason: "cannot allocate a zstd encoder")
        }
        self.context = context
        self.path = path
        output = .allocate(byteCount: ZSTD_CStreamOutSize(), alignment: 16)
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, 1)] {
            let result = ZSTD_CCtx_setParameter(context, parameter, value)
            if ZstdResult.isError(result) {
                throw .cannotOpen(path: path, reason: "zstd: \(ZstdResult.errorName(result))")
            }
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        output.deallocate()
    }

    /// Compresses `bytes` into the frame, writing compressed output to `file`
    /// whenever libzstd produces some.
    func compress(_ bytes: UnsafeRawBufferPointer, to file: PosixFile) throws(InputError) {
        guard let base = bytes.baseAddress else { return }
        var input = ZSTD_inBuffer(src: base, size: bytes.count, pos: 0)
        while input.pos < input.size {
            _ = try step(&input, ZSTD_e_continue, to: file)
        }
    }

    /// Flushes everything and ends the frame (last block and checksum).
    func finish(to file: PosixFile) throws(InputError) {
        var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try step(&input, ZSTD_e_end, to: file) != 0 {}
    }

    /// One `ZSTD_compressStream2` call; returns libzstd's "bytes still to flush".
    private func step(
        _ input: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective, to file: PosixFile
    ) throws(InputError) -> Int {
        var buffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let remaining = ZSTD_compressStream2(context, &buffer, &input, directive)
        if ZstdResult.isError(remaining) {
            throw .writeFailed(path: path, reason: "zstd: \(ZstdResult.errorName(remaining))")
        }
        try file.writeAll(UnsafeRawBufferPointer(rebasing: output[..<buffer.pos]))
        return remaining
    }
}
