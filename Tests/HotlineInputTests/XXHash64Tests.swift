import Foundation
import HotlineInput
import Testing

/// Expected digests come from the reference implementation (Python's
/// `xxhash.xxh64(data).hexdigest()`, the C library's binding).
struct XXHash64Tests {
    static let vectors: [(data: [UInt8], hex: String)] = [
        ([], "ef46db3751d8e999"),
        (Array("a".utf8), "d24ec4f1a98c6e5b"),
        (Array("abc".utf8), "44bc2cf5ad770999"),
        (Array(String(repeating: "hotline", count: 5).utf8), "842c5aefc50d4b61"),
        (Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("xyz".utf8), "e921a1b45bd779f8"),
    ]

    @Test(arguments: 0..<5)
    func matchesTheReferenceImplementation(vector: Int) {
        var hash = XXHash64()
        Self.vectors[vector].data.withUnsafeBytes { hash.update($0) }
        #expect(hash.hexDigest == Self.vectors[vector].hex)
    }

    @Test(arguments: [1, 3, 7, 31, 32, 33, 100])
    func anySplitOfTheInputGivesTheSameDigest(pieceSize: Int) {
        let (data, hex) = Self.vectors[4]
        var hash = XXHash64()
        for start in stride(from: 0, to: data.count, by: pieceSize) {
            data[start..<min(start + pieceSize, data.count)].withUnsafeBytes { hash.update($0) }
        }
        #expect(hash.hexDigest == hex)
    }

    /// A checksummed input hashes the bytes it reads, as stored: a plain
    /// file's own bytes, a zstd file's compressed bytes (not what they decode to).
    @Test func aChecksummedInputHashesTheBytesAsStored() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let (data, hex) = Self.vectors[4]
        let plain = try directory.write(data, to: "plain")
        let compressed = directory.file("compressed.zst")
        try ZstdCLI.compress(plain, to: compressed)
        var compressedHash = XXHash64()
        try directory.contents(of: "compressed.zst").withUnsafeBytes { compressedHash.update($0) }

        for (path, expected) in [(plain, hex), (compressed, compressedHash.hexDigest)] {
            let input = try DecodedInput(path: path, checksummed: true)
            var buffer = [UInt8](repeating: 0, count: 100)
            var decoded: [UInt8] = []
            while case let count = try buffer.withUnsafeMutableBytes({ try input.read(into: $0) }), count > 0 {
                decoded += buffer[..<count]
            }
            input.close()
            #expect(decoded == data)
            #expect(input.checksum == expected, "\(path)")
        }
        #expect(try DecodedInput(path: plain).checksum == nil)
    }
}
