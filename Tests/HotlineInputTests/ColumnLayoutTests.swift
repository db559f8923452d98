import Foundation
import Testing
@testable import HotlineInput

@Suite struct ColumnLayoutTests {
    private func layout(_ header: String, kind: LogKind? = nil) throws -> ColumnLayout {
        var bytes = Array(header.utf8)
        return try bytes.withUnsafeMutableBytes {
            try ColumnLayout(headerLine: UnsafeRawBufferPointer($0), path: "x.csv", forcedKind: kind)
        }
    }

    private static let calls = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"
    private static let contacts = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result"

    @Test func detectsEachKindFromItsHeader() throws {
        #expect(try layout(Self.calls).kind == .calls)
        #expect(try layout(Self.contacts).kind == .contacts)
    }

    @Test func columnsMayComeInAnyOrderQuotedAndWithExtras() throws {
        let shuffled = "extra,\"level\",agent_id,outcome,talk_s,wait_s,arrived_at,queue,customer_id,call_id,,extra"
        let found = try layout(shuffled)
        #expect(found.kind == .calls)
        #expect(found.fieldCount == 12)
        #expect(found.indices == [9, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    @Test func missingDuplicateEmptyAndUnknownHeadersAreFatal() {
        #expect(throws: InputError.missingColumn(path: "x.csv", column: "level", kind: "call-log")) {
            try layout(Self.calls.replacingOccurrences(of: ",level", with: ""))
        }
        #expect(throws: InputError.duplicateColumn(path: "x.csv", column: "queue")) {
            try layout(Self.calls + ",queue")
        }
        #expect(throws: InputError.emptyHeader(path: "x.csv")) { try layout("") }
        #expect(throws: InputError.unknownLogKind(path: "x.csv", header: "a,b,c")) { try layout("a,b,c") }
        #expect(throws: InputError.missingColumn(path: "x.csv", column: "call_id", kind: "call-log")) {
            try layout("Call_ID,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level")
        }
    }

    @Test func aForcedKindMustMatchTheColumns() {
        #expect(throws: InputError.missingColumn(path: "x.csv", column: "contact_id", kind: "contact-log")) {
            try layout(Self.calls, kind: .contacts)
        }
    }

    @Test func headerMustBeUTF8AndWellQuoted() {
        var bytes = Array(Self.calls.utf8) + [0xFF]
        #expect(throws: InputError.headerNotUTF8(path: "x.csv")) {
            try bytes.withUnsafeMutableBytes { try ColumnLayout(headerLine: UnsafeRawBufferPointer($0), path: "x.csv", forcedKind: nil) }
        }
        #expect(throws: InputError.self) { try layout("\"call_id," + Self.calls) }
    }
}
