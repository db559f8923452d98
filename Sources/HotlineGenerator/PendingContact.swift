/// A contact decided by the simulation but not yet written: the contact log
/// is written in time order, and a contact is often decided (a callback
/// planned, an e-mail queued) long before it happens.
struct PendingContact: Comparable {
    var time: Int
    /// Creation order, so equal times are written in the order they arose.
    var sequence: Int
    var caseNumber: Int
    /// Dense customer number, or −1 when the contact has no customer id.
    var customer: Int
    /// Number of the call it came from, or 0 (e-mail, chat, callback).
    var call: Int
    /// Arrival instant of that call (part of its id).
    var callArrival: Int
    var queue: Int
    var channel: ContactChannel
    var level: Int
    var agent: Int
    var result: ContactResult

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
    }
}
