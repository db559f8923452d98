import FuzzSupport
import HotlineSLA

/// The service catalogue loader (docs/sla.md): YAML composed by Yams, then
/// validated into a catalogue. Any input is either a catalogue or an
/// `SLACatalogueError`; a trap, a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSLACatalogue(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: FuzzInput(start, count).bytes, as: UTF8.self)
    _ = try? SLACatalogueLoader.parse(text, file: "fuzz-input.yaml")
    return 0
}
