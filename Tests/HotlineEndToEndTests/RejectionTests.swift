import Foundation
import HotlineCore
import HotlineInput
import Testing

/// Every kind of bad row is rejected with its line and reason, and the good
/// rows around it are kept (SPEC §5: rows + rejected = data lines).
@Suite struct RejectionTests {
    private static let callHeader = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"
    private static let contactHeader = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result"

    private static let badCalls: [(line: String, reason: String)] = [
        (",c,q,2026-11-20T08:00:00Z,1,1,answered,a,1", "empty call_id"),
        ("x,c,,2026-11-20T08:00:00Z,1,1,answered,a,1", "empty queue"),
        ("x,c,q,,1,1,answered,a,1", "empty arrived_at"),
        ("x,c,q,2026-11-20T08:00:00,1,1,answered,a,1", "bad timestamp arrived_at (wrong length 19 (expected 20 or 25 bytes))"),
        ("x,c,q,2026-02-29T08:00:00Z,1,1,answered,a,1", "bad timestamp arrived_at (not a calendar date)"),
        ("x,c,q,2026-11-20T24:00:00Z,1,1,answered,a,1", "bad timestamp arrived_at (hour 24)"),
        ("x,c,q,2026-11-20T08:00:00Z,,1,answered,a,1", "empty wait_s"),
        ("x,c,q,2026-11-20T08:00:00Z,1,-1,answered,a,1", "negative talk_s"),
        ("x,c,q,2026-11-20T08:00:00Z,1.5,1,answered,a,1", "not an integer wait_s (not ASCII digits)"),
        ("x,c,q,2026-11-20T08:00:00Z,1,1,Answered,a,1", "unknown outcome"),
        ("x,c,q,2026-11-20T08:00:00Z,1,1,,a,1", "empty outcome"),
        ("x,c,q,2026-11-20T08:00:00Z,1,1,answered,a,0", "bad level (must be 1, 2 or 3)"),
        ("x,c,q,2026-11-20T08:00:00Z,1,1,answered,a", "wrong field count (8, header has 9)"),
        ("x,c,\"q\"x,2026-11-20T08:00:00Z,1,1,answered,a,1", "malformed quoting: text after the closing quote of field 3"),
        ("x,c,q\",2026-11-20T08:00:00Z,1,1,answered,a,1", "malformed quoting: a quote inside unquoted field 3"),
        ("x,c,\"q,2026-11-20T08:00:00Z,1,1,answered,a,1", "unbalanced quotes: piece of a row broken inside quotes"),
    ]

    private static let badContacts: [(line: String, reason: String)] = [
        (",K,c,,q,phone,2026-11-20T08:00:00Z,a,1,resolved", "empty contact_id"),
        ("k,,c,,q,phone,2026-11-20T08:00:00Z,a,1,resolved", "empty case_id"),
        ("k,K,c,,,phone,2026-11-20T08:00:00Z,a,1,resolved", "empty queue"),
        ("k,K,c,,q,fax,2026-11-20T08:00:00Z,a,1,resolved", "unknown channel"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00+01:60,a,1,resolved", "bad timestamp started_at (offset minutes 60)"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00Z,a,,resolved", "empty level"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00Z,a,4,resolved", "bad level (must be 1, 2 or 3)"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00Z,a,1,done", "unknown result"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00Z,a,1,", "empty result"),
        ("k,K,c,,q,phone,2026-11-20T08:00:00Z,a,1,resolved,extra", "wrong field count (11, header has 10)"),
    ]

    /// Found by fuzzing (`FuzzTimestamp`): the first row of a file, before any
    /// date was remembered, was read as 1970-01-01 when its date was ten NUL bytes.
    @Test func aDateOfNulBytesIsRejectedOnTheFirstRow() throws {
        let directory = try Support.scratchDirectory()
        let calls = directory + "/calls.csv"
        let nulDate = String(repeating: "\u{0}", count: 10) + "T08:00:00Z"
        let text = "\(Self.callHeader)\nc1,cu1,q,\(nulDate),5,60,answered,a,1\n"
            + "c2,cu2,q,2026-11-20T08:00:00Z,5,60,answered,a,1\n"
        try Support.write(Array(text.utf8), to: calls)
        let run = try Support.hotline(["report", "--format", "json", "--calls", calls])
        #expect(run.status == 0)
        let input = try #require((try Support.json(run.standardOutput) as? [String: Any])?["input"] as? [String: Any])
        let counts = try #require(input["calls"] as? [String: Any])
        #expect(counts["rows"] as? Int == 1)
        #expect(counts["rejected"] as? Int == 1)
        #expect(run.standardError.contains("calls.csv:2: bad timestamp arrived_at"), "\(run.standardError)")
    }

    /// Bad lines interleaved with good ones: good line, bad line, good line, …
    private func interleaved(header: String, good: (Int) -> String, bad: [(line: String, reason: String)]) -> String {
        var lines = [header]
        for (index, row) in bad.enumerated() {
            lines.append(good(index))
            lines.append(row.line)
        }
        lines.append(good(bad.count))
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [(1, 4 << 20), (2, 11), (3, 1)])
    func everyBadRowIsRejectedAndEveryGoodRowKept(threads: Int, chunkBytes: Int) throws {
        let directory = try Support.scratchDirectory()
        let calls = interleaved(header: Self.callHeader, good: { "g\($0),cu\($0),q,2026-11-20T08:00:00Z,5,60,answered,a,1" },
                                bad: Self.badCalls)
        let contacts = interleaved(header: Self.contactHeader,
                                   good: { "k\($0),K\($0),cu\($0),,q,phone,2026-11-20T08:00:30Z,a,1,resolved" },
                                   bad: Self.badContacts)
        try Support.write(Array(calls.utf8), to: directory + "/calls.csv")
        try Support.write(Array(contacts.utf8), to: directory + "/contacts.csv")
        let result = try Support.run([InputFileSpec(path: directory + "/calls.csv"), InputFileSpec(path: directory + "/contacts.csv")],
                                     threads: threads, chunkBytes: chunkBytes)

        let report = result.report
        #expect(report.input.calls == RowCounts(rows: Int64(Self.badCalls.count + 1), rejected: Int64(Self.badCalls.count)))
        #expect(report.input.contacts == RowCounts(rows: Int64(Self.badContacts.count + 1), rejected: Int64(Self.badContacts.count)))
        let expected = Self.badCalls.enumerated().map { "calls.csv:\(2 * $0.offset + 3): \($0.element.reason)" }
            + Self.badContacts.enumerated().map { "contacts.csv:\(2 * $0.offset + 3): \($0.element.reason)" }
        let reported = result.rejectNotices.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.line): \($0.reason)" }
        #expect(reported == expected)

        #expect(report.overall[.answered] == .integer(Int64(Self.badCalls.count + 1)))
        #expect(report.overall[.customers] == .integer(Int64(Self.badCalls.count + 1)))
        #expect(report.overall[.fcr] == .real(1))
        #expect(report.overall[.cases] == .integer(Int64(Self.badContacts.count + 1)))
    }
}

/// SPEC §3: a case's first contact is its earliest instant, then the smaller
/// contact id, then input order — files in the order given, then lines.
@Suite struct FirstContactInputOrderTests {
    private static let header = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result"

    @Test(arguments: [1, 2], [7, 4 << 20])
    func identicalInstantsAndIdsAreOrderedByFileThenLine(threads: Int, chunkBytes: Int) throws {
        let directory = try Support.scratchDirectory()
        // The same contact id at the same instant, at level 1 in the first file and level 2 in the second.
        try Support.write(Array("\(Self.header)\nt1,T,c,,q,phone,2026-11-20T10:00:00Z,a,1,resolved\n".utf8), to: directory + "/a.csv")
        try Support.write(Array("\(Self.header)\nt1,T,c,,q,phone,2026-11-20T11:00:00+01:00,b,2,progressed\n".utf8),
                          to: directory + "/b.csv")
        let aFirst = try Support.run([InputFileSpec(path: directory + "/a.csv"), InputFileSpec(path: directory + "/b.csv")],
                                     threads: threads, chunkBytes: chunkBytes).report.overall
        // First contact at level 1, a later one at level 2: escalated after 0 s.
        #expect(aFirst[.casesEscalated] == .integer(1))
        #expect(aFirst[.timeToEscalationP50Seconds] == .integer(0))
        let bFirst = try Support.run([InputFileSpec(path: directory + "/b.csv"), InputFileSpec(path: directory + "/a.csv")],
                                     threads: threads, chunkBytes: chunkBytes).report.overall
        // First contact at level 2, nothing above it: not escalated.
        #expect(bFirst[.casesEscalated] == .integer(0))
        #expect(bFirst[.timeToEscalationP50Seconds] == .null)
        #expect(aFirst[.fcr] == .real(0))
        #expect(bFirst[.fcr] == .real(0))
    }

    @Test func withinAFileTheEarlierLineIsFirst() throws {
        let directory = try Support.scratchDirectory()
        let text = "\(Self.header)\nt1,T,c,,q,phone,2026-11-20T10:00:00Z,b,2,progressed\n"
            + "t1,T,c,,q,phone,2026-11-20T10:00:00Z,a,1,resolved\n"
        try Support.write(Array(text.utf8), to: directory + "/c.csv")
        let overall = try Support.run([InputFileSpec(path: directory + "/c.csv")], threads: 2, chunkBytes: 3).report.overall
        #expect(overall[.casesEscalated] == .integer(0))
        #expect(overall[.casesReachingLevel3] == .integer(0))
    }
}

/// A line longer than the limit is rejected without being held in memory,
/// and the lines around it keep their numbers; only an overlong header is fatal.
@Suite struct LongLineTests {
    private static let header = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"

    private func good(_ id: Int) -> String { "c\(id),cu\(id),q,2026-11-20T08:00:00Z,1,1,answered,a,1" }

    @Test(arguments: [(1, 16), (2, 7), (1, 4 << 20)])
    func overlongLinesAreRejectedAndSkipped(threads: Int, chunkBytes: Int) throws {
        let directory = try Support.scratchDirectory()
        let long = "c9,cu9,q,2026-11-20T08:00:00Z,1,1,answered," + String(repeating: "x", count: 500) + ",1"
        let text = [Self.header, good(1), long, long, good(2), "", good(3), long].joined(separator: "\n")
        try Support.write(Array(text.utf8), to: directory + "/calls.csv")
        let result = try Support.run([InputFileSpec(path: directory + "/calls.csv")], threads: threads,
                                     chunkBytes: chunkBytes, maxLineBytes: 100)
        #expect(result.report.input.calls == RowCounts(rows: 3, rejected: 3))
        #expect(result.rejectNotices.map(\.line) == [3, 4, 8])
        #expect(result.rejectNotices.allSatisfy { $0.reason == "line longer than 100 bytes, skipped" })
        #expect(result.report.overall[.customers] == .integer(3))
    }

    @Test func anOverlongHeaderIsFatal() throws {
        let directory = try Support.scratchDirectory()
        let text = Self.header + String(repeating: ",extra", count: 50) + "\n" + good(1) + "\n"
        try Support.write(Array(text.utf8), to: directory + "/calls.csv")
        #expect(throws: InputError.lineTooLong(path: directory + "/calls.csv", byteOffset: 0, limit: 100)) {
            try Support.run([InputFileSpec(path: directory + "/calls.csv")], chunkBytes: 16, maxLineBytes: 100)
        }
    }
}
