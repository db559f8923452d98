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
}
