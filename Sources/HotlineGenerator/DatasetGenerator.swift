import HotlineInput

/// Writes a synthetic but realistic pair of logs (`calls.csv` or a
/// `queue_log`, and `contacts.csv`) for the bundled sample, the tests and the
/// benchmarks.
///
/// The output is a pure function of the configuration: the same
/// configuration gives byte-identical files on every run and machine, so a
/// benchmark or a test can name a dataset by its parameters instead of
/// storing it.
public enum DatasetGenerator {
    /// Generates both logs into `directory` (created when missing) and
    /// returns where they went and how big they are. Existing files of the
    /// same name are replaced. Throws `GeneratorConfigurationError` before
    /// touching the disk, `InputError.cannotCreateDirectory` when the
    /// directory cannot be made, and `OutputFile`'s errors when a file cannot be written.
    public static func write(_ configuration: GeneratorConfiguration, toDirectory directory: String) throws
        -> GeneratedDataset
    {
        try configuration.validate()
        try FileSystem.makeDirectories(directory)
        let suffix = configuration.compression == .none ? "" : ".zst"
        let callsPath = OutputDirectory.path(of: configuration.callLogFormat.fileName + suffix, in: directory)
        let contactsPath = OutputDirectory.path(of: "contacts.csv" + suffix, in: directory)
        let callFile = try OutputFile(path: callsPath, compression: configuration.compression)
        let contactFile = try OutputFile(path: contactsPath, compression: configuration.compression)
        let customers = CustomerIdentity(seed: configuration.seed)
        let callLog: any CallAttemptLog = switch configuration.callLogFormat {
        case .csv: try CallLogWriter(file: callFile, customers: customers)
        case .queueLog: QueueLogWriter(file: callFile, customers: customers, calls: configuration.calls)
        }
        var simulation = try HotlineSimulation(
            configuration, callLog: callLog, contactFile: contactFile, customers: customers)
        try simulation.run()
        try callFile.close()
        try contactFile.close()
        return GeneratedDataset(
            callsPath: callsPath, contactsPath: contactsPath,
            callRows: simulation.callLog.rows, contactRows: simulation.contactLog.rows,
            bytesWritten: simulation.callLog.sink.bytesWritten + simulation.contactLog.sink.bytesWritten,
            omittedCalls: simulation.callLog.omittedAttempts)
    }
}
