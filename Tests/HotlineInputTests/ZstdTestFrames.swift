import CZstd

/// zstd bytes made in memory with libzstd, for tests that need exact control
/// over frames (checksum or not, skippable frames, concatenations).
enum ZstdTestFrames {
    /// One complete frame, content size in its header, as `ZSTD_compress2` makes it.
    static func compress(_ bytes: [UInt8], level: Int32 = 3, checksum: Bool = true) -> [UInt8] {
        let context = ZSTD_createCCtx()!
        defer { ZSTD_freeCCtx(context) }
        _ = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        _ = ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, checksum ? 1 : 0)
        var frame = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let size = frame.withUnsafeMutableBytes { output in
            bytes.withUnsafeBytes { input in
                ZSTD_compress2(context, output.baseAddress, output.count, input.baseAddress, input.count)
            }
        }
        precondition(ZSTD_isError(size) == 0, String(cString: ZSTD_getErrorName(size)))
        return Array(frame[..<size])
    }

    /// A skippable frame: magic `5? 2A 4D 18` (`variant` is the `?`, 0…15),
    /// the payload size as 4 bytes little-endian, then the payload. pzstd
    /// starts its files with one (variant 0).
    static func skippable(payload: [UInt8], variant: UInt8 = 0) -> [UInt8] {
        let size = UInt32(payload.count)
        return [0x50 | variant, 0x2A, 0x4D, 0x18]
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
            + payload
    }

    /// The Frame_Header_Descriptor byte right after a frame's magic number.
    static func headerDescriptor(of frame: [UInt8]) -> UInt8 {
        frame[4]
    }

    /// Content_Checksum_flag, bit 2 of the frame header descriptor.
    static func hasChecksum(_ frame: [UInt8]) -> Bool {
        headerDescriptor(of: frame) & 0b100 != 0
    }
}
