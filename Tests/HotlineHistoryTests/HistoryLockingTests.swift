import Foundation
import GRDB
import HotlineHistory
import Testing

/// Two jobs on one file: the second writer waits for the write lock, then
/// fails with a clear error having changed nothing, or succeeds once the first is done.
@Suite struct HistoryLockingTests {
    /// Another connection in the middle of a write transaction, as a job recording a night is.
    private func holdWriteLock(_ path: String) throws -> DatabaseQueue {
        let holder = try HistoryFixtures.rawConnection(path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE; DELETE FROM night WHERE day = '2026-11-19'")
        }
        return holder
    }

    private static func release(_ holder: DatabaseQueue) throws {
        try holder.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
    }

    @Test func aSecondWriterWaitsForTheTimeoutThenFailsClearly() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let first = try HistoryStore(path: path)
        try first.record(HistoryFixtures.night("2026-11-19"))
        let second = try HistoryStore(path: path, busyTimeout: .milliseconds(300))
        let holder = try holdWriteLock(path)

        let started = ContinuousClock.now
        #expect(throws: HistoryError.busy(path: path, timeoutSeconds: 0.3)) {
            try second.record(HistoryFixtures.night("2026-11-20"))
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(250))
        #expect(waited < .seconds(5))
        #expect(HistoryError.busy(path: path, timeoutSeconds: 0.3).description
            == "\(path): the history database is locked by another job; gave up after waiting 0.3 s. "
            + "Nothing was changed: run again once the other job has finished")

        try Self.release(holder)
        try second.record(HistoryFixtures.night("2026-11-20"))
        #expect(try first.nights().map(\.day) == ["2026-11-20"])
    }

    /// The lock is released from a thread of its own: a task could wait
    /// behind the blocked tests on the cooperative pool of a busy machine.
    @Test func aSecondWriterThatWaitsLongEnoughSucceeds() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path, busyTimeout: .seconds(10))
        try store.record(HistoryFixtures.night("2026-11-19"))
        let holder = try holdWriteLock(path)
        let released = DispatchSemaphore(value: 0)
        Thread {
            Thread.sleep(forTimeInterval: 0.2)
            try? Self.release(holder)
            released.signal()
        }.start()
        let started = ContinuousClock.now
        try store.record(HistoryFixtures.night("2026-11-20"))
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        released.wait()
        #expect(try store.nights().map(\.day) == ["2026-11-20"])
    }

    @Test func readersNeitherWaitForNorBlockAWriter() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let writer = try HistoryStore(path: path, busyTimeout: .milliseconds(100))
        try writer.record(HistoryFixtures.night("2026-11-19"))
        let holder = try holdWriteLock(path)
        let reader = try HistoryStore(path: path, access: .readOnly, busyTimeout: .milliseconds(100))
        #expect(try reader.nights().map(\.day) == ["2026-11-19"])
        try Self.release(holder)

        let readTransaction = try HistoryFixtures.rawConnection(path)
        try readTransaction.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN DEFERRED")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_value")
        }
        try writer.record(HistoryFixtures.night("2026-11-20"))
        try readTransaction.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        #expect(try reader.nights().map(\.day) == ["2026-11-20"])
    }
}
