import Dispatch
import HotlineCore
import HotlineInput

/// A one-line live status on stderr (decoded bytes, rows, rows per second),
/// shown only on a terminal and only once a run has lasted a second.
final class ProgressLine {
    private let timer: DispatchSourceTimer
    private let started = DispatchTime.now()

    init(progress: PipelineProgress) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        let started = self.started
        timer.setEventHandler {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            guard seconds >= 1 else { return }
            let rows = progress.rowsAccepted + progress.rowsRejected
            let rate = Int64(Double(rows) / seconds)
            standardError.write("\r\u{1B}[K\(HumanNumberText.bytes(progress.bytesDecoded)) decoded · "
                + "\(HumanNumberText.grouped(rows)) rows · \(HumanNumberText.grouped(rate)) rows/s · "
                + "\(HumanNumberText.grouped(progress.rowsRejected)) rejected")
        }
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        timer.resume()
    }

    /// Stops the display and clears its line.
    func stop() {
        timer.cancel()
        if DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds >= 1_000_000_000 {
            standardError.write("\r\u{1B}[K")
        }
    }
}
