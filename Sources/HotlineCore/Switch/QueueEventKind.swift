/// What a queue_log event means for the caller's attempt, decided by the
/// event's name alone (docs/asterisk.md): fields were added across Asterisk
/// versions, so counting them would misread older logs.
public enum QueueEventKind: UInt8, Sendable, CaseIterable {
    /// `ENTERQUEUE`: opens an attempt, or continues one that overflowed.
    case enterQueue
    /// `CONNECT`: an agent answered.
    case connect
    /// `COMPLETECALLER`, `COMPLETEAGENT`: the conversation ended.
    case complete
    /// `TRANSFER`, `BLINDTRANSFER`: the agent passed the caller on, after talking.
    case transfer
    /// `ATTENDEDTRANSFER`: as `transfer`, but the method writes one or two
    /// fields before holdtime, so its times are read from the end.
    case attendedTransfer
    /// `ABANDON`, `EXITWITHKEY`: the caller left before an answer.
    case abandon
    /// `EXITWITHKEY` in Asterisk 1.4 wrote `key|position` only, so its wait
    /// comes from the timestamps; kept apart from `abandon` for that reason.
    case exitWithKey
    /// `EXITWITHTIMEOUT`, `EXITEMPTY`, `WITHDRAW`: the switch ended the wait;
    /// the call may overflow into another queue.
    case leftByTimeout
    /// `FULL`, `JOINEMPTY`, `JOINUNAVAIL`: refused at entry.
    case refusedAtEntry
    /// `CLOSED` (Wazo): arrived outside opening hours.
    case closedAtEntry
    /// `SYSCOMPAT`, `AGENTDUMP`: the switch or the agent dropped the call without a conversation.
    case droppedWithoutConversation
    /// Known events that change no attempt (ringing, agents, members, reloads).
    case ignored
    /// A name hotline does not know.
    case unknown

    /// The kind of the event named by `name` (case-sensitive, as Asterisk writes them).
    public init(name: UnsafeRawBufferPointer) {
        self = Self.table[name.count < Self.table.count ? name.count : 0].first { $0.name.elementsEqual(name) }?.kind
            ?? .unknown
    }

    /// Names grouped by length, so a lookup compares a handful of candidates at most.
    private static let table: [[(name: [UInt8], kind: QueueEventKind)]] = {
        let named: [(String, QueueEventKind)] = [
            ("ENTERQUEUE", .enterQueue), ("CONNECT", .connect),
            ("COMPLETECALLER", .complete), ("COMPLETEAGENT", .complete),
            ("TRANSFER", .transfer), ("BLINDTRANSFER", .transfer), ("ATTENDEDTRANSFER", .attendedTransfer),
            ("ABANDON", .abandon), ("EXITWITHKEY", .exitWithKey),
            ("EXITWITHTIMEOUT", .leftByTimeout), ("EXITEMPTY", .leftByTimeout), ("WITHDRAW", .leftByTimeout),
            ("FULL", .refusedAtEntry), ("JOINEMPTY", .refusedAtEntry), ("JOINUNAVAIL", .refusedAtEntry),
            ("CLOSED", .closedAtEntry),
            ("SYSCOMPAT", .droppedWithoutConversation), ("AGENTDUMP", .droppedWithoutConversation),
            ("RINGNOANSWER", .ignored), ("RINGCANCELED", .ignored), ("DID", .ignored), ("INFO", .ignored),
            ("AGENTLOGIN", .ignored), ("AGENTLOGOFF", .ignored), ("AGENTCALLBACKLOGIN", .ignored),
            ("AGENTCALLBACKLOGOFF", .ignored), ("ADDMEMBER", .ignored), ("REMOVEMEMBER", .ignored),
            ("PAUSE", .ignored), ("UNPAUSE", .ignored), ("PAUSEALL", .ignored), ("UNPAUSEALL", .ignored),
            ("PENALTY", .ignored), ("QUEUESTART", .ignored), ("CONFIGRELOAD", .ignored),
        ]
        var table = Array(repeating: [(name: [UInt8], kind: QueueEventKind)](), count: 24)
        for (name, kind) in named { table[name.utf8.count].append((Array(name.utf8), kind)) }
        return table
    }()

    /// Whether the event belongs to a caller's attempt at all.
    public var concernsAttempt: Bool { self != .ignored && self != .unknown }

    /// Whether the event can begin an attempt of its own (no earlier event needed).
    public var startsAttempt: Bool { self == .enterQueue || self == .refusedAtEntry || self == .closedAtEntry }
}
