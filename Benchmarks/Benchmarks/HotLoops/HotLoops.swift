import Benchmark
import Foundation
import HotlineCore
import HotlineInput

/// Throughput of the timed region of one benchmark iteration, recorded as
/// custom metrics beside package-benchmark's own (which count iterations).
enum Throughput {
    static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    static let rowsPerSecond = BenchmarkMetric.custom("rows/s", polarity: .prefersLarger, useScalingFactor: false)

    /// Runs `work` between the benchmark's start and stop marks and records
    /// bytes and rows per second of it.
    static func measure(_ benchmark: Benchmark, bytes: Int, rows: Int?, _ work: () -> Void) {
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        work()
        let elapsed = clock.now - start
        benchmark.stopMeasurement()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(megabytesPerSecond, Int(Double(bytes) / 1e6 / seconds))
        if let rows { benchmark.measurement(rowsPerSecond, Int(Double(rows) / seconds)) }
    }
}

/// Tolerances for this noisy 2-vCPU machine, where the same loop varies by
/// 10–20 % from run to run: a time or throughput is a regression beyond 25 %
/// at the median (comparing baselines) and 35 % at p90 (the percentile that
/// `thresholds check` compares with `Thresholds/`). Malloc counts hardly vary
/// (tables grow at the same rows every run): a few dozen more is a regression.
enum Tolerance {
    static var time: BenchmarkThresholds { BenchmarkThresholds(relative: [.p50: 25.0, .p90: 35.0]) }
    static var mallocs: BenchmarkThresholds { BenchmarkThresholds(absolute: [.p50: 16, .p90: 32]) }

    static func thresholds(for metrics: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkThresholds] {
        Dictionary(uniqueKeysWithValues: metrics.map { ($0, $0 == .mallocCountTotal ? mallocs : time) })
    }
}

// Names without spaces: `thresholds check` looks a benchmark's file up by its
// raw name, while `thresholds update` writes spaces as underscores.
let benchmarks: @Sendable () -> Void = {
    let data = ChunkDataset.shared
    let parsing = Accumulating()
    let chunkMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, Throughput.megabytesPerSecond, Throughput.rowsPerSecond]
    let chunkConfiguration = Benchmark.Configuration(
        metrics: chunkMetrics, timeUnits: .microseconds, warmupIterations: 2,
        maxDuration: .seconds(5), maxIterations: 60, thresholds: Tolerance.thresholds(for: chunkMetrics))

    // One 4 MiB chunk into a fresh accumulator, as a worker's first chunk:
    // its mallocs are the tables' growth and the chunk's outcome, none per row.
    for (name, chunk) in [("Calls", data.calls[0]), ("Contacts", data.contacts[0])] {
        Benchmark("Parse\(name)Chunk", configuration: chunkConfiguration) { benchmark in
            let accumulator = Accumulating.freshAccumulator()
            Throughput.measure(benchmark, bytes: chunk.bytes.count, rows: chunk.rows) {
                parsing.parse(chunk, into: accumulator)
            }
        }
    }

    let stageMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal]
    let stageConfiguration = Benchmark.Configuration(
        metrics: stageMetrics, timeUnits: .microseconds, warmupIterations: 2,
        maxDuration: .seconds(5), maxIterations: 60, thresholds: Tolerance.thresholds(for: stageMetrics))

    // Two workers' accumulators, each after one chunk of calls and one of contacts; the second folds into the first.
    Benchmark("MergeWorkerAccumulators", configuration: stageConfiguration) { benchmark in
        let first = parsing.accumulator(of: [data.calls[0], data.contacts[0]])
        let second = parsing.accumulator(of: [data.calls[1], data.contacts[1]])
        benchmark.startMeasurement()
        first.merge(second)
        benchmark.stopMeasurement()
    }

    // The report of both chunks of each log, from a fresh accumulator (the first report sorts the visit log).
    Benchmark("Report", configuration: stageConfiguration) { benchmark in
        let accumulator = parsing.accumulator(of: data.calls + data.contacts)
        benchmark.startMeasurement()
        blackHole(accumulator.report(parameters: Accumulating.parameters, input: InputSummary(files: 2)))
        benchmark.stopMeasurement()
    }

    // The reader thread's loop: decode the whole compressed call log into one reused chunk buffer.
    let decodeMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, Throughput.megabytesPerSecond]
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ChunkDataset.chunkBytes, alignment: 16)
    Benchmark("DecodeZstdCallLog",
              configuration: .init(metrics: decodeMetrics, timeUnits: .microseconds, warmupIterations: 2,
                                   maxDuration: .seconds(5), maxIterations: 60,
                                   thresholds: Tolerance.thresholds(for: decodeMetrics))) { benchmark in
        guard let input = try? DecodedInput(path: data.compressedCallsPath) else { fatalError("cannot open the zstd file") }
        var decoded = 0
        Throughput.measure(benchmark, bytes: data.uncompressedCallBytes, rows: nil) {
            while let count = try? input.read(into: buffer), count > 0 { decoded += count }
        }
        precondition(decoded == data.uncompressedCallBytes, "the decoder stopped early")
    }

    let stamps = TimestampSamples()
    let stampMetrics: [BenchmarkMetric] = [.throughput, .wallClock, .mallocCountTotal]
    Benchmark("TimestampParse", configuration: .init(
        metrics: stampMetrics, timeUnits: .nanoseconds, scalingFactor: .mega, maxDuration: .seconds(3),
        thresholds: Tolerance.thresholds(for: stampMetrics))) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(stamps.parse(iteration))
        }
    }
}
