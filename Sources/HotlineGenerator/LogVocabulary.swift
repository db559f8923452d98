/// The enum values of the two logs (SPEC §2.1), with their CSV bytes.

/// How a call attempt ended.
enum CallOutcome: Int {
    case answered, abandoned, timeout, busy, closed

    static let tokens = ["answered", "abandoned", "timeout", "busy", "closed"].map(ByteToken.init)

    var token: ByteToken { Self.tokens[rawValue] }
}

/// How a contact took place; only `phone` contacts come from a logged call.
enum ContactChannel: Int {
    case phone, email, chat, callback

    static let tokens = ["phone", "email", "chat", "callback"].map(ByteToken.init)

    var token: ByteToken { Self.tokens[rawValue] }
}

/// What a contact did to its case.
enum ContactResult: Int {
    case resolved, progressed, escalated, transferred, noProgress

    static let tokens = ["resolved", "progressed", "escalated", "transferred", "no_progress"].map(ByteToken.init)

    var token: ByteToken { Self.tokens[rawValue] }
}
