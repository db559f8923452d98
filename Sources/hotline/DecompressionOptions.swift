import ArgumentParser
import HotlineInput

/// How much memory a zstd input may ask for, shared by the commands that
/// read logs (`report`, `convert`, `nightly`).
struct DecompressionOptions: ParsableArguments {
    @Option(name: .customLong("max-window"), help: ArgumentHelp(
        "Largest zstd window an input may need, as a power of two from 10 to 31 (27 is 128 MiB, zstd's own limit); "
            + "the decoder allocates the window, so 31 may cost 2 GiB of memory. Files written with zstd --long=N "
            + "need N.", valueName: "log2"))
    var maxWindowLog = ZstdWindow.defaultLog

    func validate() throws {
        guard ZstdWindow.logRange.contains(maxWindowLog) else {
            throw ValidationError("--max-window must be between \(ZstdWindow.logRange.lowerBound) and "
                                  + "\(ZstdWindow.logRange.upperBound) (a power of two: 27 is 128 MiB)")
        }
    }
}
