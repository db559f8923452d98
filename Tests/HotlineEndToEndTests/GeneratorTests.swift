import ArgumentParser
import Foundation
import HotlineGenerator
import HotlineInput
import Testing

@testable import hotline

/// `hotline generate` and `DatasetGenerator`: deterministic output, exact
/// headers and row counts, every row valid per SPEC §2.1, and the realism
/// the sample and benchmarks rely on.
@Suite struct GeneratorTests {
    @Test func sameConfigurationGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try GeneratorScratchDirectory()
        let second = try GeneratorScratchDirectory()
        let third = try GeneratorScratchDirectory()
        let configuration = GeneratorConfiguration(calls: 3000, seed: 7)
        let a = try DatasetGenerator.write(configuration, toDirectory: first.path)
        let b = try DatasetGenerator.write(configuration, toDirectory: second.path)
        var other = configuration
        other.seed = 8
        let c = try DatasetGenerator.write(other, toDirectory: third.path)
        #expect(try fileBytes(a.callsPath) == fileBytes(b.callsPath))
        #expect(try fileBytes(a.contactsPath) == fileBytes(b.contactsPath))
        #expect(try fileBytes(a.callsPath) != fileBytes(c.callsPath))
        #expect(try fileBytes(a.contactsPath) != fileBytes(c.contactsPath))
        #expect(a.bytesWritten == b.bytesWritten)
    }

    @Test func headersRowCountsAndSizesMatchTheReturnedDataset() throws {
        let sample = try GeneratedSample.shared.get()
        #expect(sample.callLines.first == "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level")
        #expect(sample.contactLines.first
            == "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result")
        #expect(sample.dataset.callRows == GeneratedSample.calls)
        #expect(sample.callLines.count - 1 == sample.dataset.callRows)
        #expect(sample.contactLines.count - 1 == sample.dataset.contactRows)
        #expect(sample.dataset.callsPath.hasSuffix("/calls.csv"))
        #expect(sample.dataset.contactsPath.hasSuffix("/contacts.csv"))
        #expect(Int64(sample.rawCalls.count + sample.rawContacts.count) == sample.dataset.bytesWritten)
        #expect(sample.rawCalls.last == UInt8(ascii: "\n") && sample.rawContacts.last == UInt8(ascii: "\n"))
    }

    @Test func everyRowParsesStrictlyAndIsInTimeOrder() throws {
        let sample = try GeneratedSample.shared.get()
        #expect(sample.calls.count == sample.dataset.callRows)
        #expect(sample.contacts.count == sample.dataset.contactRows)
        #expect(zip(sample.calls, sample.calls.dropFirst()).allSatisfy { $0.arrivedAt <= $1.arrivedAt })
        #expect(zip(sample.contacts, sample.contacts.dropFirst()).allSatisfy { $0.startedAt <= $1.startedAt })
        #expect(Set(sample.calls.map(\.id)).count == sample.calls.count)
        #expect(Set(sample.contacts.map(\.id)).count == sample.contacts.count)
    }

    @Test func phoneContactsFollowTheirAnsweredCall() throws {
        let sample = try GeneratedSample.shared.get()
        let calls = Dictionary(uniqueKeysWithValues: sample.calls.map { ($0.id, $0) })
        for contact in sample.contacts where contact.channel == "phone" {
            let call = try #require(calls[contact.callId])
            #expect(call.outcome == "answered")
            #expect(call.agent == contact.agent && call.level == contact.level && call.queue == contact.queue)
            let answeredAt = call.arrivedAt + call.wait
            #expect(contact.startedAt > answeredAt && contact.startedAt <= answeredAt + 10)
        }
        let answered = sample.calls.filter { $0.outcome == "answered" }.count
        #expect(sample.contacts.filter { $0.channel == "phone" }.count == answered)
    }

    @Test func callLogLooksLikeAStressedHotline() throws {
        let sample = try GeneratedSample.shared.get()
        let calls = sample.calls
        func share(_ outcome: String) -> Double {
            Double(calls.filter { $0.outcome == outcome }.count) / Double(calls.count)
        }
        #expect((0.35...0.8).contains(share("answered")))
        for outcome in ["busy", "closed", "timeout", "abandoned"] { #expect(share(outcome) > 0, "\(outcome)") }
        #expect(calls.contains { $0.outcome == "abandoned" && $0.wait < 5 })
        let answeredWaits = calls.filter { $0.outcome == "answered" }.map(\.wait)
        #expect(answeredWaits.contains(0) && answeredWaits.contains(20) && answeredWaits.contains { $0 >= 120 })
        let anonymous = Double(calls.filter { $0.customer.isEmpty }.count) / Double(calls.count)
        #expect((0.01...0.06).contains(anonymous))
        var attempts: [String: Int] = [:]
        for call in calls where !call.customer.isEmpty { attempts[call.customer, default: 0] += 1 }
        #expect(attempts.values.contains { $0 >= 10 })
        #expect(attempts.values.filter { $0 <= 2 }.count * 2 > attempts.count)
        #expect(Set(calls.map(\.queue)) == ["billing", "technical", "orders", "support, EU", "réclamations"])
        #expect(sample.rawCallsText.contains(",\"support, EU\","))
        let days = Set(calls.map { $0.arrivedAt / 86_400 })
        #expect(days.count == 7)
    }

    @Test func contactLogHasMultiContactEscalatingCases() throws {
        let sample = try GeneratedSample.shared.get()
        let contacts = sample.contacts
        #expect(Set(contacts.map(\.channel)) == ["phone", "email", "chat", "callback"])
        #expect(Set(contacts.map(\.result)) == ["resolved", "progressed", "escalated", "transferred", "no_progress"])
        #expect(contacts.contains { $0.callId.isEmpty })
        #expect(contacts.contains { $0.customer.isEmpty })
        #expect(sample.rawContactsText.contains("Z,") && sample.rawContactsText.contains("+01:00,"))
        let cases = Dictionary(grouping: contacts, by: \.caseId)
        #expect(cases.values.contains { $0.contains { $0.level == 3 } })
        #expect(cases.values.contains { Set($0.map(\.queue)).count > 1 })
        let firstContacts = cases.values.map { $0.min { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }! }
        let resolvedAtOnce = cases.values.filter { $0.count == 1 && $0[0].result == "resolved" }.count
        let fcr = Double(resolvedAtOnce) / Double(cases.count)
        #expect((0.2...0.8).contains(fcr))
        let escalated = cases.values.filter { group in
            let first = group.min { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }!
            return group.contains { $0.level > first.level }
        }
        #expect(escalated.count > cases.count / 50 && escalated.count < cases.count / 2)
        #expect(firstContacts.contains { $0.channel != "phone" })
    }

    @Test func zstdCompressionWritesZstdFiles() throws {
        let directory = try GeneratorScratchDirectory()
        let dataset = try DatasetGenerator.write(
            GeneratorConfiguration(calls: 2000, compression: .zstd(level: 3)), toDirectory: directory.path)
        #expect(dataset.callsPath.hasSuffix("/calls.csv.zst") && dataset.contactsPath.hasSuffix("/contacts.csv.zst"))
        let plain = try GeneratorScratchDirectory()
        let reference = try DatasetGenerator.write(GeneratorConfiguration(calls: 2000), toDirectory: plain.path)
        #expect(dataset.bytesWritten == reference.bytesWritten)
        #expect(dataset.callRows == reference.callRows && dataset.contactRows == reference.contactRows)
        let pairs = [(dataset.callsPath, reference.callsPath), (dataset.contactsPath, reference.contactsPath)]
        for (path, plainPath) in pairs {
            let compressed = try fileBytes(path)
            #expect(compressed.prefix(4) == [0x28, 0xB5, 0x2F, 0xFD])
            #expect(compressed.count * 2 < (try fileBytes(plainPath)).count)
        }
    }

    @Test func windowIsHonoured() throws {
        let directory = try GeneratorScratchDirectory()
        let configuration = GeneratorConfiguration(calls: 2000, seed: 3, startDay: "2027-02-27", days: 3)
        let dataset = try DatasetGenerator.write(configuration, toDirectory: directory.path)
        let calls = try checkedCalls(String(decoding: fileBytes(dataset.callsPath), as: UTF8.self))
        let start = try #require(checkedTimestamp("2027-02-27T00:00:00Z"))
        let end = try #require(checkedTimestamp("2027-03-02T00:00:00Z"))
        #expect(calls.count == 2000)
        #expect(calls.allSatisfy { $0.arrivedAt >= start && $0.arrivedAt < end })
        #expect(Set(calls.map { $0.arrivedAt / 86_400 }).count == 3)
    }

    @Test func defaultWindowFollowsTheNumberOfCalls() {
        #expect(GeneratorConfiguration(calls: 0).days == 7)
        #expect(GeneratorConfiguration(calls: 140_000).days == 7)
        #expect(GeneratorConfiguration(calls: 140_001).days == 8)
        #expect(GeneratorConfiguration(calls: 7_000_000).days == 350)
    }

    @Test func tinyDatasetsAreValid() throws {
        for calls in [0, 1, 5] {
            let directory = try GeneratorScratchDirectory()
            let dataset = try DatasetGenerator.write(
                GeneratorConfiguration(calls: calls, days: 1), toDirectory: directory.path + "/nested")
            let text = String(decoding: try fileBytes(dataset.callsPath), as: UTF8.self)
            #expect(try checkedCalls(text).count == calls)
            let contacts = String(decoding: try fileBytes(dataset.contactsPath), as: UTF8.self)
            #expect(try checkedContacts(contacts).count == dataset.contactRows)
        }
    }

    @Test func invalidConfigurationsAreRejectedBeforeWriting() {
        #expect(throws: GeneratorConfigurationError.negativeCalls(-1)) {
            try GeneratorConfiguration(calls: -1).validate()
        }
        #expect(throws: GeneratorConfigurationError.nonPositiveDays(0)) {
            try GeneratorConfiguration(calls: 1, days: 0).validate()
        }
        for day in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T", "2026/01/01"] {
            #expect(throws: GeneratorConfigurationError.invalidStartDay(day)) {
                try GeneratorConfiguration(calls: 1, startDay: day).validate()
            }
        }
        #expect(throws: Never.self) { try GeneratorConfiguration(calls: 1, startDay: "2028-02-29").validate() }
    }

    @Test func anOutputPathThatIsAFileFailsClearly() throws {
        let directory = try GeneratorScratchDirectory()
        let file = directory.path + "/taken"
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        #expect(throws: InputError.cannotCreateDirectory(path: file, reason: "a file of that name exists")) {
            _ = try DatasetGenerator.write(GeneratorConfiguration(calls: 10), toDirectory: file)
        }
        #expect(throws: InputError.self) {
            _ = try DatasetGenerator.write(GeneratorConfiguration(calls: 10), toDirectory: file + "/below")
        }
    }

    @Test func commandValidatesItsOptionsAndWritesTheFiles() throws {
        let directory = try GeneratorScratchDirectory()
        let out = directory.path + "/out"
        for arguments in [
            ["--calls", "-1", "--out", out], ["--calls", "10", "--out", out, "--days", "0"],
            ["--calls", "10", "--out", out, "--start-day", "2026-02-30"], ["--out", out],
            ["--calls", "10"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try GenerateCommand.parse(arguments) }
        }
        let command = try GenerateCommand.parse(
            ["--calls", "50", "--out", out, "--seed", "9", "--days", "2", "--start-day", "2026-12-31"])
        try command.run()
        let calls = try checkedCalls(String(decoding: fileBytes(out + "/calls.csv"), as: UTF8.self))
        #expect(calls.count == 50)
        #expect(FileManager.default.fileExists(atPath: out + "/contacts.csv"))
        let zstd = try GenerateCommand.parse(["--calls", "5", "--out", out, "--zstd"])
        #expect(zstd.generatorConfiguration.compression == .zstd(level: 3))
        #expect(zstd.generatorConfiguration.days == 7)
    }
}

// MARK: - The shared 20 000-call sample

/// One generated dataset, parsed once and shared by the tests that only read it.
private struct GeneratedSample: Sendable {
    static let calls = 20_000
    static let shared: Result<GeneratedSample, any Error> = Result { try GeneratedSample() }

    let dataset: GeneratedDataset
    let rawCalls: [UInt8]
    let rawContacts: [UInt8]
    let rawCallsText: String
    let rawContactsText: String
    let callLines: [String]
    let contactLines: [String]
    let calls: [CheckedCallRow]
    let contacts: [CheckedContactRow]

    private init() throws {
        let directory = try GeneratorScratchDirectory()
        dataset = try DatasetGenerator.write(
            GeneratorConfiguration(calls: Self.calls, seed: 42), toDirectory: directory.path)
        rawCalls = try fileBytes(dataset.callsPath)
        rawContacts = try fileBytes(dataset.contactsPath)
        rawCallsText = String(decoding: rawCalls, as: UTF8.self)
        rawContactsText = String(decoding: rawContacts, as: UTF8.self)
        callLines = rawCallsText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        contactLines = rawContactsText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map(String.init)
        calls = try checkedCalls(rawCallsText)
        contacts = try checkedContacts(rawContactsText)
    }
}

// MARK: - A strict checker of SPEC §2.1 rows

private struct CheckedCallRow: Sendable {
    var id: String, customer: String, queue: String, arrivedAt: Int, wait: Int, talk: Int
    var outcome: String, agent: String, level: Int?
}

private struct CheckedContactRow: Sendable {
    var id: String, caseId: String, customer: String, callId: String, queue: String, channel: String
    var startedAt: Int, agent: String, level: Int, result: String
}

private struct CheckedRowError: Error, CustomStringConvertible {
    var description: String
}

private let generatedQueues: Set<String> = ["billing", "technical", "orders", "support, EU", "réclamations"]

private func checkedCalls(_ text: String) throws -> [CheckedCallRow] {
    var rows: [CheckedCallRow] = []
    let header = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"
    for (index, line) in try csvDataLines(text, header: header) {
        let f = try csvFields(line, count: 9, line: index)
        func fail(_ why: String) -> CheckedRowError {
            CheckedRowError(description: "calls line \(index): \(why): \(line)")
        }
        guard !f[0].isEmpty else { throw fail("empty call_id") }
        guard f[1].isEmpty || isGeneratedCustomerId(f[1]) else { throw fail("customer_id") }
        guard generatedQueues.contains(f[2]) else { throw fail("queue") }
        guard let arrivedAt = checkedTimestamp(f[3]), f[3].hasSuffix("Z") else { throw fail("arrived_at") }
        guard let wait = checkedNonNegative(f[4]), let talk = checkedNonNegative(f[5]) else {
            throw fail("wait/talk")
        }
        let outcome = f[6]
        guard ["answered", "abandoned", "timeout", "busy", "closed"].contains(outcome) else { throw fail("outcome") }
        var level: Int?
        if outcome == "answered" {
            guard !f[7].isEmpty, let value = checkedNonNegative(f[8]), (1...3).contains(value), talk > 0 else {
                throw fail("answered needs agent, level and talk")
            }
            level = value
        } else {
            guard f[7].isEmpty, f[8].isEmpty, talk == 0 else { throw fail("unanswered has agent, level or talk") }
            if outcome == "busy" || outcome == "closed" { guard wait == 0 else { throw fail("wait before entry") } }
            if outcome == "timeout" { guard wait >= 60 else { throw fail("short timeout") } }
        }
        rows.append(CheckedCallRow(id: f[0], customer: f[1], queue: f[2], arrivedAt: arrivedAt, wait: wait, talk: talk,
                            outcome: outcome, agent: f[7], level: level))
    }
    return rows
}

private func checkedContacts(_ text: String) throws -> [CheckedContactRow] {
    var rows: [CheckedContactRow] = []
    let header = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result"
    for (index, line) in try csvDataLines(text, header: header) {
        let f = try csvFields(line, count: 10, line: index)
        func fail(_ why: String) -> CheckedRowError {
            CheckedRowError(description: "contacts line \(index): \(why): \(line)")
        }
        guard !f[0].isEmpty, !f[1].isEmpty, !f[7].isEmpty else { throw fail("empty id or agent") }
        guard f[2].isEmpty || isGeneratedCustomerId(f[2]) else { throw fail("customer_id") }
        guard generatedQueues.contains(f[4]) else { throw fail("queue") }
        guard ["phone", "email", "chat", "callback"].contains(f[5]) else { throw fail("channel") }
        guard (f[5] == "phone") == !f[3].isEmpty else { throw fail("call_id set exactly on phone contacts") }
        guard let startedAt = checkedTimestamp(f[6]) else { throw fail("started_at") }
        guard let level = checkedNonNegative(f[8]), (1...3).contains(level) else { throw fail("level") }
        guard ["resolved", "progressed", "escalated", "transferred", "no_progress"].contains(f[9]) else {
            throw fail("result")
        }
        guard !(level == 3 && f[9] == "escalated") else { throw fail("escalated above level 3") }
        rows.append(CheckedContactRow(id: f[0], caseId: f[1], customer: f[2], callId: f[3], queue: f[4], channel: f[5],
                               startedAt: startedAt, agent: f[7], level: level, result: f[9]))
    }
    return rows
}

/// The numbered data lines after an exact header; the file must end with a line break.
private func csvDataLines(_ text: String, header: String) throws -> [(Int, Substring)] {
    guard text.hasSuffix("\n") else { throw CheckedRowError(description: "no final line break") }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard lines.first == Substring(header) else { throw CheckedRowError(description: "header \(lines.first ?? "")") }
    return lines.enumerated().dropFirst().map { ($0.offset + 1, $0.element) }
}

/// RFC 4180 fields of one line: quoted fields may hold commas and `""`; a
/// quote inside an unquoted field or text after a closing quote is an error.
private func csvFields(_ line: Substring, count: Int, line number: Int) throws -> [String] {
    var result: [String] = []
    var remaining = Array(line.utf8)[...]
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    let bad = CheckedRowError(description: "line \(number): malformed quoting: \(line)")
    while true {
        var field: [UInt8] = []
        if remaining.first == quote {
            remaining = remaining.dropFirst()
            while true {
                guard let byte = remaining.popFirst() else { throw bad }
                if byte == quote {
                    if remaining.first == quote {
                        field.append(quote)
                        remaining = remaining.dropFirst()
                    } else {
                        break
                    }
                } else {
                    field.append(byte)
                }
            }
            guard remaining.isEmpty || remaining.first == comma else { throw bad }
        } else {
            while let byte = remaining.first, byte != comma {
                guard byte != quote, byte != UInt8(ascii: "\r") else { throw bad }
                field.append(byte)
                remaining = remaining.dropFirst()
            }
        }
        guard let text = String(validating: field, as: UTF8.self) else { throw bad }
        result.append(text)
        guard remaining.popFirst() != nil else { break }
    }
    guard result.count == count else {
        throw CheckedRowError(description: "line \(number): \(result.count) fields, expected \(count): \(line)")
    }
    return result
}

private func checkedNonNegative(_ text: String) -> Int? {
    guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return Int(text)
}

private func isGeneratedCustomerId(_ text: String) -> Bool {
    text.count == 10 && text.hasPrefix("cu") && text.utf8.dropFirst(2).allSatisfy {
        (0x30...0x39).contains($0) || (0x61...0x66).contains($0)
    }
}

/// Seconds since the epoch of a SPEC timestamp (`YYYY-MM-DDTHH:MM:SS` then
/// `Z` or `±hh:mm`, real date, hours ≤ 23, minutes and seconds ≤ 59), or nil.
private func checkedTimestamp(_ text: String) -> Int? {
    let b = Array(text.utf8)
    guard b.count == 20 || b.count == 25 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            guard (0x30...0x39).contains(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }
    guard b[4] == 0x2D, b[7] == 0x2D, b[10] == UInt8(ascii: "T"), b[13] == 0x3A, b[16] == 0x3A,
          let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
          let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
          (1...12).contains(month), hour <= 23, minute <= 59, second <= 59
    else { return nil }
    let monthLengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
                        31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...monthLengths[month - 1]).contains(day) else { return nil }
    var offset = 0
    if b.count == 20 {
        guard b[19] == UInt8(ascii: "Z") else { return nil }
    } else {
        guard b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"), b[22] == 0x3A,
              let offsetHours = digits(20..<22), let offsetMinutes = digits(23..<25),
              offsetHours <= 23, offsetMinutes <= 59
        else { return nil }
        offset = (offsetHours * 3600 + offsetMinutes * 60) * (b[19] == UInt8(ascii: "+") ? 1 : -1)
    }
    // Days from civil (H. Hinnant), independent of the generator's own code.
    let y = month <= 2 ? year - 1 : year
    let era = y / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    return days * 86_400 + hour * 3600 + minute * 60 + second - offset
}

// MARK: - Files

private func fileBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CheckedRowError(description: "cannot read \(path)")
    }
    return [UInt8](data)
}

/// A fresh directory under the system's temporary directory, removed when released.
private final class GeneratorScratchDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hotline-generator-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
