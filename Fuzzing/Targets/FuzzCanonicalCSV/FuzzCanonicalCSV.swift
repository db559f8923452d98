@_spi(Benchmarks) import HotlineInput
import FuzzSupport
import HotlineCore

/// The canonical call and contact CSV (SPEC §2.1): the header reader, the
/// line tokenizer (its 16-byte and bytewise paths), the field and row
/// parsers and the accumulator (the report is `FuzzSwitchLogFile`'s: rendering
/// it here would cost most of each run). The first byte picks the
/// header: the standard call header, the standard contact header, or the
/// input's own first line (any order, extra columns, a detected kind).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanonicalCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let (selector, rest) = FuzzInput(start, count).selectorAndRest else { return 0 }
    let layout: ColumnLayout
    let data: UnsafeRawBufferPointer
    switch selector % 3 {
    case 0: (layout, data) = (callLayout, rest)
    case 1: (layout, data) = (contactLayout, rest)
    default:
        let (header, body) = FuzzInput.splitFirstLine(rest)
        guard let read = try? ColumnLayout(headerLine: header, path: "fuzz-input", forcedKind: nil) else { return 0 }
        (layout, data) = (read, body)
    }
    _ = ChunkDriver.parse(data, as: .canonical(layout))
    return 0
}

private let callLayout = standardLayout("call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level")
private let contactLayout = standardLayout(
    "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result")

private func standardLayout(_ header: String) -> ColumnLayout {
    var header = header
    return header.withUTF8 { try! ColumnLayout(headerLine: UnsafeRawBufferPointer($0), path: "fuzz-input", forcedKind: nil) }
}
