/// The two canonical logs of SPEC §2.1 and their required columns.
public enum LogKind: String, Sendable, CaseIterable {
    case calls
    case contacts

    /// Every column the SPEC table lists; each must appear exactly once in the header.
    public var requiredColumns: [String] {
        switch self {
        case .calls: CallColumn.allCases.map(\.rawValue)
        case .contacts: ContactColumn.allCases.map(\.rawValue)
        }
    }

    /// The kind a header describes, from the columns that only one kind has.
    static func detect(from names: [String]) -> LogKind? {
        let present = Set(names)
        if present.contains(ContactColumn.contactID.rawValue) && present.contains(ContactColumn.caseID.rawValue) {
            return .contacts
        }
        if present.contains(CallColumn.outcome.rawValue) && present.contains(CallColumn.arrivedAt.rawValue) {
            return .calls
        }
        return nil
    }
}

/// Call-log columns, in SPEC order.
enum CallColumn: String, CaseIterable {
    case callID = "call_id", customerID = "customer_id", queue, arrivedAt = "arrived_at"
    case waitSeconds = "wait_s", talkSeconds = "talk_s", outcome, agentID = "agent_id", level
}

/// Contact-log columns, in SPEC order.
enum ContactColumn: String, CaseIterable {
    case contactID = "contact_id", caseID = "case_id", customerID = "customer_id", callID = "call_id", queue, channel
    case startedAt = "started_at", agentID = "agent_id", level, result
}
