import Testing
import HotlineCore
@_spi(Benchmarks) @testable import HotlineInput

/// `ChunkParser` hands rows to the accumulator in batches (`RowBatcher`);
/// the metrics must be those of the same rows added one by one — across
/// batch boundaries, and when a key was unescaped into the scratch buffer
/// that the next row overwrites.
@Suite struct ChunkParserBatchingTests {
    private static let thresholds = CallThresholds()
    private static let callHeader = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"
    private static let contactHeader = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result"

    /// Row `row`'s key among a few that repeat; every fifth written with an escaped quote.
    private static func key(_ prefix: String, _ row: Int) -> (value: String, field: String) {
        let value = row % 5 == 0 ? "\(prefix)\"\(row % 7)" : "\(prefix)\(row % 7)"
        return (value, row % 5 == 0 ? "\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\"" : value)
    }

    private static func timestamp(_ row: Int) -> String {
        "2026-11-20T\(row / 60 < 10 ? "0" : "")\(row / 60):\(row % 60 < 10 ? "0" : "")\(row % 60):00Z"
    }

    private static func parse(_ lines: [String], header: String) throws -> MetricsAccumulator {
        var headerBytes = Array(header.utf8)
        let layout = try headerBytes.withUnsafeMutableBytes {
            try ColumnLayout(headerLine: UnsafeRawBufferPointer($0), path: "x.csv", forcedKind: nil)
        }
        let accumulator = MetricsAccumulator(thresholds: thresholds, zone: .utc)
        let parser = ChunkParser(keepRejectedText: false)
        var chunk = Array(lines.joined(separator: "\n").utf8)
        let outcome = chunk.withUnsafeMutableBytes { bytes in
            parser.parse(UnsafeRawBufferPointer(bytes), startOffset: 0, afterSkippedLongLines: 0, limit: 1 << 20,
                         file: InputFileContext(index: 0, path: "x.csv", format: .canonical(layout), firstDataLine: 2),
                         into: accumulator)
        }
        #expect(outcome.rejected.isEmpty)
        #expect(outcome.rows == Int64(lines.count))
        return accumulator
    }

    private static func report(_ accumulator: MetricsAccumulator) -> Report {
        accumulator.report(parameters: ReportParameters(), input: InputSummary())
    }

    private static func epoch(_ text: String) -> Int64 {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { (try? Timestamp.parse(UnsafeRawBufferPointer($0)).get()) ?? 0 }
    }

    @Test(arguments: [1, 12, 13, 50, 64, 65, 150])
    func batchedCallsCountAsCallsOneByOne(rows: Int) throws {
        let outcomes: [CallOutcome] = [.answered, .abandoned, .timeout, .answered, .busy]
        let lines = (0..<rows).map { row in
            let customer = row % 11 == 3 ? "" : Self.key("cu", row).field
            let outcome = outcomes[row % outcomes.count]
            return "c\(row),\(customer),q\(row % 3),\(Self.timestamp(row)),\(row % 40),\(row),\(outcome.name),a1,"
                + (outcome == .answered ? "\(1 + row % 3)" : "")
        }
        let batched = try Self.parse(lines, header: Self.callHeader)
        let oneByOne = MetricsAccumulator(thresholds: Self.thresholds, zone: .utc)
        for row in 0..<rows {
            var customer = row % 11 == 3 ? "" : Self.key("cu", row).value, queue = "q\(row % 3)"
            let outcome = outcomes[row % outcomes.count]
            customer.withUTF8 { customerBytes in
                queue.withUTF8 { queueBytes in
                    oneByOne.add(CallRecord(customer: UnsafeRawBufferPointer(customerBytes), queue: UnsafeRawBufferPointer(queueBytes),
                                            arrivedAt: Self.epoch(Self.timestamp(row)), waitSeconds: Int64(row % 40),
                                            talkSeconds: Int64(row), outcome: outcome,
                                            level: outcome == .answered ? UInt8(1 + row % 3) : 0))
                }
            }
        }
        #expect(Self.report(batched) == Self.report(oneByOne))
    }

    @Test(arguments: [1, 12, 13, 64, 65, 150])
    func batchedContactsCountAsContactsOneByOne(rows: Int) throws {
        let results: [(result: ContactResult, name: String)] =
            [(.escalated, "escalated"), (.resolved, "resolved"), (.progressed, "progressed"), (.noProgress, "no_progress")]
        var offsets: [Int64] = []
        var offset: Int64 = 0
        let lines = (0..<rows).map { row in
            let line = "k\(rows - row),\(Self.key("CS", row).field),cu1,,q\(row % 2),phone,\(Self.timestamp(row / 2)),a1,"
                + "\(1 + row % 3),\(results[row % results.count].name)"
            offsets.append(offset)
            offset += Int64(line.utf8.count) + 1
            return line
        }
        let batched = try Self.parse(lines, header: Self.contactHeader)
        let oneByOne = MetricsAccumulator(thresholds: Self.thresholds, zone: .utc)
        for row in 0..<rows {
            var contactID = "k\(rows - row)", caseID = Self.key("CS", row).value, queue = "q\(row % 2)", customer = "cu1"
            contactID.withUTF8 { idBytes in
                caseID.withUTF8 { caseBytes in
                    queue.withUTF8 { queueBytes in
                        customer.withUTF8 { customerBytes in
                            oneByOne.add(ContactRecord(
                                contactID: UnsafeRawBufferPointer(idBytes), caseID: UnsafeRawBufferPointer(caseBytes),
                                queue: UnsafeRawBufferPointer(queueBytes), channel: .phone,
                                startedAt: Self.epoch(Self.timestamp(row / 2)), level: UInt8(1 + row % 3),
                                result: results[row % results.count].result,
                                inputPosition: InputPosition(fileIndex: 0, byteOffset: offsets[row]),
                                customer: UnsafeRawBufferPointer(customerBytes)))
                        }
                    }
                }
            }
        }
        #expect(Self.report(batched) == Self.report(oneByOne))
    }
}
