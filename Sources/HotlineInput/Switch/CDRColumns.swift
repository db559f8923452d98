import HotlineCore

/// Where a CDR's fields are: by name in an export's header (Asterisk's
/// column names or Grandstream's), or by position in `cdr_csv`'s headerless
/// `Master.csv` (docs/asterisk.md, "Formats").
public struct CDRColumns: Sendable, Equatable {
    public let fieldCount: Int
    let caller: Int
    let dialled: Int
    let context: Int?
    let destinationChannel: Int?
    let lastApplication: Int
    let start: Int
    let billableSeconds: Int
    let disposition: Int
    let uniqueID: Int?
    let linkedID: Int?
    /// Grandstream's `Log Userfield` (`Inbound`, `Outbound`, `Internal`). An
    /// Asterisk `userfield` is the dialplan's free text and says nothing of direction.
    let direction: Int?
    /// Grandstream's `Session`: one per call, across its forked and transferred legs.
    let session: Int?
    /// Grandstream's `Action Type` (`DIAL`, `IVR[7000]`, `QUEUE[6500]`).
    let actionType: Int?

    /// The columns a header names, or nil if it is not a CDR header. Throws
    /// if a column the rules read is named twice: which one holds the data
    /// cannot be told (as for a canonical header, SPEC §2.1).
    public init?(header names: [String], path: String) throws {
        let normalised = names.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        var duplicated: String?
        func column(_ candidates: String...) -> Int? {
            for candidate in candidates {
                guard let index = normalised.firstIndex(of: candidate) else { continue }
                if normalised[(index + 1)...].contains(candidate) { duplicated = duplicated ?? names[index] }
                return index
            }
            return nil
        }
        guard let caller = column("src", "caller number"), let dialled = column("dst", "callee number"),
              let lastApplication = column("lastapp", "last app."),
              let start = column("start", "calldate", "start time"),
              let billableSeconds = column("billsec", "talk time"), let disposition = column("disposition")
        else { return nil }
        fieldCount = names.count
        self.caller = caller
        self.dialled = dialled
        context = column("dcontext", "context")
        destinationChannel = column("dstchannel", "dest. channel")
        self.lastApplication = lastApplication
        self.start = start
        self.billableSeconds = billableSeconds
        self.disposition = disposition
        uniqueID = column("uniqueid", "unique id")
        linkedID = column("linkedid")
        direction = column("log userfield")
        session = column("session")
        actionType = column("action type")
        if let duplicated { throw InputError.duplicateColumn(path: path, column: duplicated) }
    }

    /// The columns of a headerless `Master.csv` whose first row is `first`,
    /// or nil if that row is not in `cdr_csv`'s order. After the 16 standard
    /// fields come `uniqueid` and `userfield` (each optional), then
    /// `peeraccount, linkedid, sequence` (together): a lone optional field
    /// is `uniqueid` when it reads like one (`1706420300.12`).
    public init?(masterRow first: [String]) {
        guard (16...21).contains(first.count), Self.isLocalTime(first[9]), Self.isDisposition(first[14]) else {
            return nil
        }
        fieldCount = first.count
        (caller, dialled, context, destinationChannel) = (1, 2, 3, 6)
        (lastApplication, start, billableSeconds, disposition) = (7, 9, 13, 14)
        let hasNewColumns = first.count >= 19
        switch first.count - (hasNewColumns ? 3 : 0) {
        case 18: uniqueID = 16
        case 17 where Self.readsAsUniqueID(first[16]): uniqueID = 16
        default: uniqueID = nil
        }
        direction = nil
        linkedID = hasNewColumns ? first.count - 2 : nil
        session = nil
        actionType = nil
    }

    /// Whether a headerless row has the size of a `Master.csv` row and a
    /// date-time somewhere, but not in `cdr_csv`'s order: a `cdr_custom` mapping.
    static func isCustomMasterRow(_ fields: [String]) -> Bool {
        (16...21).contains(fields.count) && fields.contains(where: isLocalTime)
    }

    private static func isLocalTime(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { LocalDateTime.parseLocalSeconds(UnsafeRawBufferPointer($0)) != nil }
    }

    private static func isDisposition(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { CDRDisposition(UnsafeRawBufferPointer($0)) } != nil
    }

    /// `[name-]digits.digits`, as Asterisk writes a uniqueid.
    private static func readsAsUniqueID(_ text: String) -> Bool {
        let id = text.split(separator: "-").last ?? ""
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
