import Foundation
import HotlineInput
import Testing

/// The pieces a nightly job uses around the pipeline: its input patterns and its lock.
struct NightlyInputTests {
    private static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nightly-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aPatternNamesItsFilesInPathOrder() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["calls-2026-11-03.csv", "calls-2026-11-01.csv.zst", "calls-2026-11-02.csv", "contacts-2026-11-01.csv"] {
            try Data().write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        #expect(try InputGlob.expand("\(directory)/calls-*") == [
            "\(directory)/calls-2026-11-01.csv.zst", "\(directory)/calls-2026-11-02.csv", "\(directory)/calls-2026-11-03.csv",
        ])
        #expect(try InputGlob.expand("\(directory)/contacts-2026-11-01.csv") == ["\(directory)/contacts-2026-11-01.csv"])
        #expect(throws: InputError.noMatch(pattern: "\(directory)/calls-*.tsv")) {
            try InputGlob.expand("\(directory)/calls-*.tsv")
        }
    }

    @Test func aSecondHolderOfTheLockWaitsThenFails() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/history.sqlite.lock"
        var first: JobLock? = try JobLock(path: path, timeoutSeconds: 0)
        let started = Date()
        #expect(throws: InputError.busy(path: path, waitedSeconds: 1)) { try JobLock(path: path, timeoutSeconds: 1) }
        #expect(Date().timeIntervalSince(started) >= 1)
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { try JobLock(path: path, timeoutSeconds: 0) }
    }
}
