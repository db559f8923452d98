import Foundation
@_spi(Benchmarks) import HotlineInput
import HotlineCore
import HotlineGenerator

/// Whole data lines of one generated log, cut as `ReportJob`'s reader cuts
/// them: at most `ChunkDataset.chunkBytes` bytes, ending at a line end.
struct LogChunk {
    let bytes: [UInt8]
    let rows: Int
    let file: InputFileContext
}

/// The generated logs the benchmarks read, made once per process with
/// `HotlineGenerator` so that every run times the same bytes.
///
/// 160 000 calls give two full chunks of each log: one worker's worth to
/// parse, a second worker's worth to merge into it.
struct ChunkDataset {
    /// `ReportJobOptions`' default chunk size: what a worker parses at a time.
    static let chunkBytes = 4 << 20
    static let configuration = GeneratorConfiguration(calls: 160_000, seed: 7)

    let calls: [LogChunk]
    let contacts: [LogChunk]
    /// The zstd-compressed call log on disk (in the page cache), for the decoder.
    let compressedCallsPath: String
    /// The size of the call log once decoded.
    let uncompressedCallBytes: Int

    static let shared = ChunkDataset()

    /// This process's files, removed when it exits.
    private static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("hotline-benchmarks-\(getpid())").path

    private init() {
        atexit { try? FileManager.default.removeItem(atPath: ChunkDataset.directory) }
        do {
            let plain = try DatasetGenerator.write(Self.configuration, toDirectory: Self.directory + "/plain")
            calls = try Self.chunks(of: plain.callsPath, index: 0, count: 2)
            contacts = try Self.chunks(of: plain.contactsPath, index: 1, count: 2)
            uncompressedCallBytes = Int(try FileManager.default.attributesOfItem(atPath: plain.callsPath)[.size] as! UInt64)
            var compressed = Self.configuration
            compressed.compression = .zstd(level: 0)
            compressedCallsPath = try DatasetGenerator.write(compressed, toDirectory: Self.directory + "/zstd").callsPath
        } catch {
            fatalError("cannot generate the benchmark dataset: \(error)")
        }
    }

    /// The first `count` chunks of data lines of a plain canonical log.
    private static func chunks(of path: String, index: Int, count: Int) throws -> [LogChunk] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let newline = UInt8(ascii: "\n")
        let headerEnd = bytes.firstIndex(of: newline)!
        let layout = try bytes[..<headerEnd].withUnsafeBytes {
            try ColumnLayout(headerLine: $0, path: path, forcedKind: nil)
        }
        let file = InputFileContext(index: index, path: path, format: .canonical(layout), firstDataLine: 2)
        var result: [LogChunk] = []
        var start = headerEnd + 1
        while result.count < count {
            let limit = min(start + chunkBytes, bytes.count)
            precondition(limit - start == chunkBytes, "\(path) is too short for \(count) chunks")
            let end = bytes[start..<limit].lastIndex(of: newline)! + 1
            let lines = Array(bytes[start..<end])
            result.append(LogChunk(bytes: lines, rows: lines.count { $0 == newline }, file: file))
            start = end
        }
        return result
    }
}
