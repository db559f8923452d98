/// What `DatasetGenerator.write` produced, so callers (the CLI summary, tests,
/// benchmarks) need not re-read the files to know their size.
public struct GeneratedDataset: Sendable, Equatable {
    /// Path of the call log (`calls.csv` or `calls.csv.zst`).
    public var callsPath: String
    /// Path of the contact log (`contacts.csv` or `contacts.csv.zst`).
    public var contactsPath: String
    /// Data rows in the call log (header excluded); equals the configured `calls`.
    public var callRows: Int
    /// Data rows in the contact log (header excluded).
    public var contactRows: Int
    /// CSV bytes of both files before compression, headers included: the
    /// `bytes_decoded` a report over these files will show.
    public var bytesWritten: Int64

    public init(callsPath: String, contactsPath: String, callRows: Int, contactRows: Int, bytesWritten: Int64) {
        self.callsPath = callsPath
        self.contactsPath = contactsPath
        self.callRows = callRows
        self.contactRows = contactRows
        self.bytesWritten = bytesWritten
    }
}
