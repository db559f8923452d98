import HotlineCore

/// Reads CDR rows, from a headerless `Master.csv` or an export with a header,
/// into call legs (docs/asterisk.md, "CDR").
///
/// Only the fields the rules use are checked: invalid UTF-8 in a caller name
/// (`clid`) or in the arguments of an application (`lastdata`) — which real
/// switches write — does not cost the row.
final class CDRLineParser {
    private let columns: CDRColumns
    private let rows: CSVRowFields
    private let switchZone: ZoneOffsets
    private let fileIndex: Int

    init(columns: CDRColumns, switchZone: ZoneOffsets, fileIndex: Int) {
        self.columns = columns
        rows = CSVRowFields(fieldCount: columns.fieldCount)
        self.switchZone = switchZone
        self.fileIndex = fileIndex
    }

    /// The leg of one non-empty row (without its line ending) at `line`
    /// within its chunk, or why the row is rejected. `LegOrder.line` is that
    /// line in the chunk; a leg whose row has no call id gets an empty
    /// `callKey`: both are completed at the chunk's turn, once the file line
    /// numbers are known.
    func parse(_ text: UnsafeRawBufferPointer, line: Int64) -> Result<CDRLeg, RejectReason> {
        let fields: FieldReader
        switch rows.fields(of: text) {
        case .success(let row): fields = row
        case .failure(let reason): return .failure(reason)
        }
        var validUTF8 = true
        /// A used field's bytes; each field is read once (the reader unescapes in place).
        func used(_ column: Int?) -> UnsafeRawBufferPointer {
            guard let column else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            let bytes = fields.bytes(column)
            validUTF8 = validUTF8 && UTF8Validation.isValid(bytes)
            return bytes
        }
        guard let localStart = LocalDateTime.parseLocalSeconds(used(columns.start)) else {
            return .failure(.switchField(name: "start", detail: "not YYYY-MM-DD HH:MM:SS"))
        }
        let start = switchZone.instant(fromLocal: localStart)
        guard ValueRanges.instantSeconds.contains(start) else {
            return .failure(.switchTimeOutOfRange("start"))
        }
        let billableSeconds: Int64
        switch FieldParsing.nonNegativeInteger(used(columns.billableSeconds)) {
        case .success(let seconds) where ValueRanges.durationSeconds.contains(seconds): billableSeconds = seconds
        case .success: return .failure(.switchDurationOutOfRange("billsec"))
        case .failure(let problem): return .failure(.field(column: "billsec", problem: problem))
        }
        guard let disposition = CDRDisposition(used(columns.disposition)) else {
            return .failure(.field(column: "disposition", problem: .unknownValue))
        }
        let caller = used(columns.caller), dialled = used(columns.dialled), context = used(columns.context)
        let destinationChannel = used(columns.destinationChannel), application = used(columns.lastApplication)
        let uniqueID = used(columns.uniqueID), linkedID = used(columns.linkedID), session = used(columns.session)
        let userfield = used(columns.direction), actionType = used(columns.actionType)
        guard validUTF8 else { return .failure(.invalidUTF8) }

        let callKey = [session, linkedID, uniqueID].first { !$0.isEmpty } ?? UnsafeRawBufferPointer(start: nil, count: 0)
        return .success(CDRLeg(
            callKey: Array(callKey), switchIDs: [uniqueID, linkedID].filter { !$0.isEmpty }.map(ByteHash.hash),
            caller: Array(caller), dialled: Array(dialled), context: Array(context),
            destinationChannel: Array(destinationChannel),
            order: LegOrder(start: start, fileIndex: fileIndex, line: line),
            billableSeconds: billableSeconds, disposition: disposition,
            isOriginating: !uniqueID.isEmpty && uniqueID.elementsEqual(callKey),
            rangAPerson: CallerID.equalsIgnoringCase(application, "dial"),
            enteredQueue: CallerID.equalsIgnoringCase(application, "queue") || Self.isQueueAction(actionType),
            direction: CallDirection(userfield: userfield)))
    }

    /// Grandstream's `Action Type` of a queue leg: `QUEUE[6500]`.
    private static func isQueueAction(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count > 6 && CallerID.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: bytes[..<6]), "queue[")
    }
}
