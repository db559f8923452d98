/// What `DatasetGenerator.write` produced, so callers (the CLI summary, tests,
/// benchmarks) need not re-read the files to know their size.
public struct GeneratedDataset: Sendable, Equatable {
    /// Path of the call-side file (`calls.csv`, `queue_log`, or either with `.zst`).
    public var callsPath: String
    /// Path of the contact log (`contacts.csv` or `contacts.csv.zst`).
    public var contactsPath: String
    /// Attempts the call-side file records: the configured `calls`, less
    /// `omittedCalls`. In `calls.csv` these are its data rows (header excluded).
    public var callRows: Int
    /// Data rows in the contact log (header excluded).
    public var contactRows: Int
    /// Bytes of both files before compression, headers included: the
    /// `bytes_decoded` a report over these files will show.
    public var bytesWritten: Int64
    /// Attempts the call-side format cannot record and that were left out:
    /// the `busy` and `closed` ones in a queue_log, none in `calls.csv`.
    public var omittedCalls: Int

    public init(callsPath: String, contactsPath: String, callRows: Int, contactRows: Int, bytesWritten: Int64,
                omittedCalls: Int = 0) {
        self.callsPath = callsPath
        self.contactsPath = contactsPath
        self.callRows = callRows
        self.contactRows = contactRows
        self.bytesWritten = bytesWritten
        self.omittedCalls = omittedCalls
    }
}
