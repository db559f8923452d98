import HotlineInput

/// Runs a report job with the live progress line (on a terminal, unless
/// `quiet`) and the reject summary on stderr: what `report` and `nightly`
/// show alike while logs are read. A fatal input error exits 1.
func runReportJob(_ inputs: [InputFileSpec], options: ReportJobOptions, quiet: Bool) throws -> ReportResult {
    let progress = PipelineProgress()
    let display = quiet || !standardError.isTerminal ? nil : ProgressLine(progress: progress)
    let result: ReportResult
    do {
        result = try ReportJob.run(files: inputs, options: options, progress: progress)
        display?.stop()
    } catch {
        display?.stop()
        throw CommandFailure(message: "\(error)", status: 1)
    }
    if !quiet { RejectSummary.write(result, rejectsPath: options.rejectsPath) }
    return result
}
