extension XXHash64 {
    /// The XXH64 of a whole file's bytes as stored (compressed files are
    /// hashed compressed), in hex; throws `InputError` naming the file.
    public static func hexDigest(ofFileAt path: String) throws -> String {
        let (file, _) = try PosixFile.openForReading(path)
        defer { _ = file.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hash = XXHash64()
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { return hash.hexDigest }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
