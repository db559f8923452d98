import Foundation
import HotlineCore
import HotlineInput
import Testing

/// Shared helpers of the end-to-end tests: fixture paths, scratch files,
/// running the pipeline or the built `hotline` binary, and comparing reports.
enum Support {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let referenceScripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reference")

    static func fixture(_ relativePath: String) -> String {
        fixtures.appendingPathComponent(relativePath).path
    }

    /// A fresh directory for one test's files.
    static func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hotline-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func run(_ files: [InputFileSpec], zone: String = "UTC", threads: Int = 1, chunkBytes: Int = 4 << 20,
                    rejectsPath: String? = nil, maxLineBytes: Int = 64 << 20) throws -> ReportResult {
        let options = ReportJobOptions(
            parameters: ReportParameters(timeZone: zone), zone: try ZoneOffsets(timeZoneIdentifier: zone),
            threads: threads, chunkBytes: chunkBytes, rejectsPath: rejectsPath, rejectNoticeLimit: 1_000,
            maxLineBytes: maxLineBytes)
        return try ReportJob.run(files: files, options: options)
    }

    static var tinyFiles: [InputFileSpec] {
        [InputFileSpec(path: fixture("tiny/calls.csv"), format: .calls),
         InputFileSpec(path: fixture("tiny/contacts.csv"), format: .contacts)]
    }

    /// The scopes of a report without its input section, to compare runs over differently split files.
    static func metrics(_ report: Report) -> [String: ScopeMetrics] {
        var scopes = ["overall": report.overall]
        for scope in report.byQueue { scopes["queue:" + scope.name] = scope.metrics }
        for scope in report.byDay { scopes["day:" + scope.name] = scope.metrics }
        return scopes
    }

    /// Differences between two JSON documents under the SPEC's rule: counts
    /// exact, reals to 1e-9 relative, `null` only equal to `null`; arrays
    /// element by element.
    static func differences(_ actual: Any, _ expected: Any, path: String = "$") -> [String] {
        switch (actual, expected) {
        case (let a as [String: Any], let e as [String: Any]):
            var found: [String] = []
            for key in Set(a.keys).union(e.keys).sorted() {
                guard let left = a[key], let right = e[key] else {
                    found.append("\(path).\(key): present on one side only")
                    continue
                }
                found += differences(left, right, path: "\(path).\(key)")
            }
            return found
        case (let a as [Any], let e as [Any]):
            guard a.count == e.count else { return ["\(path): \(a.count) elements != \(e.count)"] }
            return zip(a, e).enumerated().flatMap { index, pair in differences(pair.0, pair.1, path: "\(path)[\(index)]") }
        case (is NSNull, is NSNull):
            return []
        case (let a as NSNumber, let e as NSNumber):
            let left = a.doubleValue, right = e.doubleValue
            let close = left == right || abs(left - right) <= 1e-9 * max(abs(left), abs(right))
            return close ? [] : ["\(path): \(a) != \(e)"]
        case (let a as String, let e as String):
            return a == e ? [] : ["\(path): \(a) != \(e)"]
        default:
            return ["\(path): \(actual) != \(expected)"]
        }
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func json(file path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The built `hotline` executable, beside the test bundle.
    static var hotlineExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hotline").path
    }

    struct ProcessResult {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs a program to completion, capturing both output streams.
    static func runProcess(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                             standardError: String(decoding: errorData, as: UTF8.self))
    }

    static func hotline(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(hotlineExecutable, arguments)
    }
}
