/// The form in which the generator writes its call attempts.
public enum CallLogFormat: Sendable, Equatable, CaseIterable {
    /// The canonical call log of SPEC §2.1 (`calls.csv`): every attempt, with its level.
    case csv
    /// A raw Asterisk 13-style `queue_log` (`queue_log`), the events of each
    /// attempt in time order across calls, as the product reads real switch
    /// logs (docs/asterisk.md). It cannot record `busy` and `closed`
    /// attempts nor agent levels: those attempts are left out.
    case queueLog

    /// The file's name before any `.zst`.
    var fileName: String {
        switch self {
        case .csv: "calls.csv"
        case .queueLog: "queue_log"
        }
    }
}
