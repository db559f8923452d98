import CZstd

/// libzstd reports failures as special `size_t` values; these helpers keep
/// that convention in one place.
enum ZstdResult {
    static func isError(_ code: Int) -> Bool {
        ZSTD_isError(code) != 0
    }

    /// The library's own wording (e.g. "Data corruption detected"), so that a
    /// user can search for it.
    static func errorName(_ code: Int) -> String {
        String(cString: ZSTD_getErrorName(code))
    }

    /// The frame asks for a window beyond the decoder's `ZSTD_d_windowLogMax`.
    static func isWindowTooLarge(_ code: Int) -> Bool {
        ZSTD_getErrorCode(code) == ZSTD_error_frameParameter_windowTooLarge
    }
}

/// The window a zstd frame needs: the history the decoder keeps, allocated
/// whole. `zstd -19` and lower use at most 8 MiB, `--ultra -22` 128 MiB,
/// `--long=N` 2^N. libzstd refuses more than 2^27 (128 MiB) unless told
/// otherwise, which `--max-window` does (README).
public enum ZstdWindow {
    /// libzstd's own default limit, ZSTD_WINDOWLOG_LIMIT_DEFAULT: 128 MiB.
    public static let defaultLog = 27
    /// 1 KiB to 2 GiB: the smallest window the format has, and the largest a
    /// 64-bit libzstd decodes (ZSTD_WINDOWLOG_MAX_64).
    public static let logRange = 10...31

    /// The window of the frame whose header starts `bytes`, as the power of
    /// two that holds it; nil when the header is not whole in `bytes`.
    static func log(ofFrameAt bytes: UnsafeRawBufferPointer) -> Int? {
        var header = ZSTD_frameHeader()
        guard let base = bytes.baseAddress, ZSTD_getFrameHeader(&header, base, bytes.count) == 0,
              header.windowSize > 1 else { return nil }
        return UInt64.bitWidth - (header.windowSize - 1).leadingZeroBitCount
    }

    /// `2^log` bytes as people read it: `128 MiB`, `2 GiB`.
    static func text(log: Int) -> String {
        switch log {
        case 30...: "\(1 << (log - 30)) GiB"
        case 20...: "\(1 << (log - 20)) MiB"
        default: "\(1 << (log - 10)) KiB"
        }
    }
}
