import Foundation
import HotlineInput

/// A fresh temporary directory for one test; remove it with `remove()`.
struct ZstdScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "hotline-input-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let filePath = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
        return filePath
    }

    func contents(of name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The `zstd` and `pzstd` command-line tools, run as other programs would, to
/// check compatibility both ways.
enum ZstdCLI {
    /// The zstd CLI; `.ci/run` installs it (Debian package `zstd`, which also ships `pzstd`).
    static var zstd: String { get throws { try executable("zstd") } }
    static var pzstd: String { get throws { try executable("pzstd") } }

    /// Runs a tool with `arguments`; throws if it exits with a non-zero status.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus)
        }
    }

    /// `zstd -q -f [options] input -o output`: compresses with the CLI's defaults (checksum on).
    static func compress(_ input: String, to output: String, options: [String] = []) throws {
        try run(try zstd, ["-q", "-f"] + options + [input, "-o", output])
    }

    /// `zstd -q -f [options] -o output < input`: reading a pipe, the CLI
    /// does not know the size, so it keeps the window `options` ask for
    /// (`--long=28`: 256 MiB) instead of shrinking it to fit the input.
    static func compressStream(_ input: String, to output: String, options: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try zstd)
        process.arguments = ["-q", "-f"] + options + ["-o", output]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(command: "zstd \((options + ["-o", output]).joined(separator: " ")) < \(input)",
                           status: process.terminationStatus)
        }
    }

    /// `zstd -d -q -f input -o output`.
    static func decompress(_ input: String, to output: String) throws {
        try run(try zstd, ["-d", "-q", "-f", input, "-o", output])
    }

    struct CLIError: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "\(command) exited with status \(status)" }
    }

    struct MissingTool: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) not found on PATH: install the Debian package zstd" }
    }

    private static func executable(_ name: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = directories.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw MissingTool(name: name)
        }
        return path
    }
}

/// Deterministic, call-log-like text: compressible like the real thing, and
/// large enough to span several 128 KiB zstd blocks.
enum ZstdTestData {
    static func callLog(lines: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % bound
        }
        let outcomes = ["answered", "abandoned", "timeout", "busy", "closed"]
        let queues = ["billing", "technical", "sales", "moving"]
        var text = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level\n"
        for line in 0..<lines {
            let second = next(86_400)
            text += "c\(line),cust\(next(50_000)),\(queues[Int(next(4))]),"
            text += "2026-11-20T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))Z,"
            text += "\(next(600)),\(next(1_800)),\(outcomes[Int(next(5))]),a\(next(90)),\(1 + next(3))\n"
        }
        return Array(text.utf8)
    }

    /// Bytes that do not compress: zstd stores them in raw blocks, which only
    /// the content checksum protects.
    static func random(count: Int, seed: UInt64 = 7) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    private static func pad(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// What reading a whole `DecodedInput` gave.
struct ZstdDecodedFile: Equatable {
    var bytes: [UInt8]
    var bytesDecoded: Int64
    var compression: InputCompression
    var fileSize: Int64

    /// Reads `path` to the end with reads of `bufferSize` bytes, checking on the
    /// way that only the last non-empty read comes back short.
    static func read(_ path: String, bufferSize: Int = 1 << 20,
                     maxWindowLog: Int = ZstdWindow.defaultLog) throws -> ZstdDecodedFile {
        let input = try DecodedInput(path: path, maxWindowLog: maxWindowLog)
        defer { input.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var bytes: [UInt8] = []
        var sawShortRead = false
        while true {
            let count = try input.read(into: buffer)
            if count == 0 { break }
            if sawShortRead { throw ShortReadBeforeEnd(path: path) }
            sawShortRead = count < bufferSize
            bytes.append(contentsOf: buffer[..<count])
        }
        return ZstdDecodedFile(
            bytes: bytes, bytesDecoded: input.bytesDecoded,
            compression: input.compression, fileSize: input.fileSize
        )
    }

    struct ShortReadBeforeEnd: Error {
        let path: String
    }

    /// Reads `path` to the end and returns only the decoded byte count, for
    /// `#expect(throws:)` closures (which print whatever the closure returns).
    static func drain(_ path: String) throws -> Int64 {
        try read(path).bytesDecoded
    }
}
