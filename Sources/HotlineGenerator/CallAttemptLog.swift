/// Where the simulation writes its call attempts: the canonical call log, or
/// the raw queue_log a switch would have written for the same attempts.
///
/// The simulation draws the same attempts whatever the log, so one seed
/// gives both formats of one dataset and each can be checked against the other.
protocol CallAttemptLog {
    /// The buffer of the file, for its size.
    var sink: ByteSink { get }
    /// Attempts the log records.
    var rows: Int { get }
    /// Attempts the format cannot record (a queue_log has no line for
    /// `busy` or `closed`), left out of the file.
    var omittedAttempts: Int { get }

    /// Records attempt `number` of `customer` (−1: anonymous), which arrived
    /// at `arrivedAt`; attempts come in arrival order.
    mutating func write(call number: Int, customer: Int, queue: Int, arrivedAt: Int, attempt: Attempt) throws

    /// Writes whatever is still pending and flushes; called once, after the last attempt.
    mutating func finish() throws
}

/// The SPEC §2.1 call log records every attempt.
extension CallLogWriter: CallAttemptLog {
    var omittedAttempts: Int { 0 }

    mutating func finish() throws {
        try sink.flush()
    }
}
