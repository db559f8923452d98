import Foundation
import HotlineCore
import HotlineInput

/// What `hotline report --stats` prints on stderr after the report, so that a
/// user can benchmark their own files: sizes, rows, speed, where the time
/// went, threads and peak memory. One `name: value` line each, with plain
/// numbers, so that a script can read them as easily as a person.
struct RunStatistics {
    let result: ReportResult
    /// Parsing workers (`--threads`); one more thread reads and decodes.
    let threads: Int
    /// From the start of reading to the report written on stdout.
    let wallTime: Duration
    let peakMemoryBytes: Int64

    var text: String {
        let input = result.report.input
        let rows = input.calls.rows + input.contacts.rows + result.rejectedRows
        let wall = max(wallTime.seconds, 1e-9)
        let stages = result.stages
        return """
            stats:
              bytes read: \(input.bytesRead)
              bytes decoded: \(input.bytesDecoded)
              rows: \(input.calls.rows) calls, \(input.contacts.rows) contacts, \(result.rejectedRows) rejected
              wall time: \(Self.seconds(wallTime))
              throughput: \(Self.decimal(Double(input.bytesDecoded) / 1e6 / wall, places: 1)) MB/s decoded, \
            \(Int64((Double(rows) / wall).rounded())) rows/s
              decode: \(Self.seconds(stages.decode)) (reader thread)
              parse and aggregate: \(Self.seconds(stages.parseAndAggregate)) (summed over \(HumanNumberText.counted(threads, "worker", "workers")))
              merge: \(Self.seconds(stages.merge))
              report: \(Self.seconds(stages.report))
              threads: \(threads) parsing + 1 reading
              peak memory: \(Self.decimal(Double(peakMemoryBytes) / 1_048_576, places: 1)) MiB

            """
    }

    /// The process's largest resident set so far (`getrusage`'s `ru_maxrss`,
    /// which Linux counts in KiB and Darwin in bytes).
    static func peakResidentBytes() -> Int64 {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int64(usage.ru_maxrss)
        #else
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int64(usage.ru_maxrss) * 1024
        #endif
    }

    private static func seconds(_ duration: Duration) -> String {
        decimal(duration.seconds, places: 3) + " s"
    }

    private static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
