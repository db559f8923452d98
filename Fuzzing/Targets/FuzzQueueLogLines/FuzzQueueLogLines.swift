@_spi(Benchmarks) import HotlineInput
import FuzzSupport

/// The raw queue_log line parser (`epoch|callid|queue|agent|EVENT|data…`,
/// docs/asterisk.md) and the per-chunk call assembly behind it: every line
/// of the input is one queue_log line of one chunk. The stitching of calls
/// across chunks and files is `FuzzSwitchLogFile`'s.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueueLogLines(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = ChunkDriver.parse(FuzzInput(start, count).bytes, as: .queueLog(.raw))
    return 0
}
