@testable import HotlineCore

/// A small call and contact log computed by hand, metric by metric (see
/// `MetricsAccumulatorTests`). Thresholds: service level 20 s, short abandon 5 s; UTC.
enum MetricFixture {
    struct Call {
        var customer: String
        var queue: String
        var arrivedAt: String
        var wait: Int64
        var talk: Int64
        var outcome: CallOutcome
    }

    struct Contact {
        var id: String
        var caseID: String
        var queue: String
        var channel: ContactChannel
        var startedAt: String
        var level: UInt8
        var result: ContactResult
        var customer = ""
    }

    static let calls: [Call] = [
        Call(customer: "cu1", queue: "A", arrivedAt: "2026-11-20T08:00:00Z", wait: 10, talk: 100, outcome: .answered),
        Call(customer: "cu1", queue: "A", arrivedAt: "2026-11-20T09:00:00Z", wait: 3, talk: 0, outcome: .abandoned),
        Call(customer: "cu2", queue: "A", arrivedAt: "2026-11-21T07:00:00Z", wait: 30, talk: 200, outcome: .answered),
        Call(customer: "", queue: "A", arrivedAt: "2026-11-20T11:00:00Z", wait: 8, talk: 0, outcome: .abandoned),
        Call(customer: "cu2", queue: "B", arrivedAt: "2026-11-21T08:00:00Z", wait: 0, talk: 0, outcome: .closed),
        Call(customer: "cu3", queue: "B", arrivedAt: "2026-11-21T09:00:00Z", wait: 0, talk: 0, outcome: .busy),
        Call(customer: "cu3", queue: "B", arrivedAt: "2026-11-21T09:30:00Z", wait: 600, talk: 0, outcome: .timeout),
        Call(customer: "cu3", queue: "B", arrivedAt: "2026-11-21T10:00:00+00:00", wait: 20, talk: 60, outcome: .answered),
    ]

    static let contacts: [Contact] = [
        // Case X: level 1 → 2 → 3; first contact k1, escalation after 3 h 59 min 40 s = 14 380 s.
        Contact(id: "k3", caseID: "X", queue: "B", channel: .email, startedAt: "2026-11-21T10:00:00+01:00", level: 3, result: .resolved),
        Contact(id: "k1", caseID: "X", queue: "A", channel: .phone, startedAt: "2026-11-20T08:00:20Z", level: 1, result: .escalated),
        Contact(id: "k2", caseID: "X", queue: "A", channel: .callback, startedAt: "2026-11-20T12:00:00Z", level: 2, result: .progressed),
        // Case Y: resolved at its only contact (first-contact resolution).
        Contact(id: "k4", caseID: "Y", queue: "A", channel: .phone, startedAt: "2026-11-20T10:00:40Z", level: 1, result: .resolved),
        // Case Z: two contacts at the same instant; "z10" < "z2" in byte order, so the level-1 one is first: escalated after 0 s.
        Contact(id: "z2", caseID: "Z", queue: "B", channel: .chat, startedAt: "2026-11-21T10:01:00Z", level: 2, result: .resolved),
        Contact(id: "z10", caseID: "Z", queue: "B", channel: .phone, startedAt: "2026-11-21T10:01:00Z", level: 1, result: .transferred),
        // Case W: the later row is the earlier contact; level 2 throughout, two contacts: neither escalated nor FCR.
        Contact(id: "w1", caseID: "W", queue: "B", channel: .phone, startedAt: "2026-11-21T11:00:00Z", level: 2, result: .noProgress),
        Contact(id: "w2", caseID: "W", queue: "B", channel: .phone, startedAt: "2026-11-21T10:30:00Z", level: 2, result: .resolved),
        // Case V: a queue and a day with contacts and no calls.
        Contact(id: "v1", caseID: "V", queue: "sales", channel: .chat, startedAt: "2026-11-22T09:00:00Z", level: 1, result: .progressed),
        Contact(id: "v2", caseID: "V", queue: "sales", channel: .phone, startedAt: "2026-11-22T09:10:00Z", level: 1, result: .resolved),
    ]

    static func epoch(_ text: String) -> Int64 {
        var bytes = text
        let parsed = bytes.withUTF8 { Timestamp.parse(UnsafeRawBufferPointer($0)) }
        switch parsed {
        case .success(let seconds): return seconds
        case .failure(let error): fatalError("fixture timestamp \(text): \(error)")
        }
    }

    static func add(_ call: Call, to accumulator: MetricsAccumulator) {
        var customer = call.customer, queue = call.queue
        customer.withUTF8 { customerBytes in
            queue.withUTF8 { queueBytes in
                accumulator.add(CallRecord(customer: UnsafeRawBufferPointer(customerBytes), queue: UnsafeRawBufferPointer(queueBytes),
                                           arrivedAt: epoch(call.arrivedAt), waitSeconds: call.wait, talkSeconds: call.talk,
                                           outcome: call.outcome))
            }
        }
    }

    static func add(_ contact: Contact, position: Int, to accumulator: MetricsAccumulator) {
        var id = contact.id, caseID = contact.caseID, queue = contact.queue, customer = contact.customer
        id.withUTF8 { idBytes in
            caseID.withUTF8 { caseBytes in
                queue.withUTF8 { queueBytes in
                    customer.withUTF8 { customerBytes in
                        accumulator.add(ContactRecord(
                            contactID: UnsafeRawBufferPointer(idBytes), caseID: UnsafeRawBufferPointer(caseBytes),
                            queue: UnsafeRawBufferPointer(queueBytes), channel: contact.channel,
                            startedAt: epoch(contact.startedAt), level: contact.level, result: contact.result,
                            inputPosition: InputPosition(fileIndex: 1, byteOffset: Int64(position)),
                            customer: UnsafeRawBufferPointer(customerBytes)))
                    }
                }
            }
        }
    }
}
