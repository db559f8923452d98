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

    @Test func hashesAFileAsStored() throws {
        let (data, hex) = Self.vectors[4]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xxh64-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(data).write(to: URL(fileURLWithPath: path))
        #expect(try XXHash64.hexDigest(ofFileAt: path) == hex)
        #expect(throws: InputError.self) { try XXHash64.hexDigest(ofFileAt: path + ".missing") }
    }
}
