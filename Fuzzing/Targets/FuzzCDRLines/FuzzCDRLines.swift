@_spi(Benchmarks) import HotlineInput
import FuzzSupport

/// The CDR line parser (docs/asterisk.md): every line of the input is one
/// CDR row. The first byte picks the column layout: a headerless 18-column
/// `Master.csv`, a 21-column one (peeraccount, linkedid, sequence), or a
/// Grandstream UCM export read by its header names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCDRLines(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let (selector, rest) = FuzzInput(start, count).selectorAndRest else { return 0 }
    _ = ChunkDriver.parse(rest, as: .cdr(layouts[Int(selector) % layouts.count]))
    return 0
}

private let layouts: [CDRColumns] = [
    CDRColumns(masterRow: [
        "", "100", "700", "phones", "\"NAME\" <100>", "SIP/100-02151078", "", "Hangup", "",
        "2015-03-24 15:44:40", "2015-03-24 15:44:40", "2015-03-24 15:44:43", "3", "3", "ANSWERED",
        "DOCUMENTATION", "1427211880.0", "",
    ])!,
    CDRColumns(masterRow: [
        "", "52120463132", "211474", "stadion-pstn", "\"52120463132\" <52120463132>", "SIP/211474-02151078", "",
        "Hangup", "", "2024-01-27 15:07:24", "2024-01-27 15:07:24", "2024-01-27 15:07:51", "27", "27", "ANSWERED",
        "DOCUMENTATION", "1706368044.0", "", "", "1706368044.0", "0",
    ])!,
    try! CDRColumns(header: [
        "Account Code", "Caller Number", "Callee Number", "Context", "CallerID Number", "Source Channel",
        "Dest. Channel", "Last app.", "Last date", "Start Time", "Answer Time", "End Time", "Call Time", "Talk Time",
        "Disposition", "AMA Flags", "Unique ID", "Log Userfield", "Dest Channel Extension", "Caller Name",
        "Answered by", "Session", "Premier Caller", "Action Type", "Source Trunk Name", "Destination Trunk Name",
    ], path: "fuzz-input")!,
]
