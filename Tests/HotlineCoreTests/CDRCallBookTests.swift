import Testing
@testable import HotlineCore

private func hash(_ id: String) -> UInt64 {
    Array(id.utf8).withUnsafeBytes(ByteHash.hash)
}

/// The CDR call rules of docs/asterisk.md, leg by leg.
@Suite struct CDRCallBookTests {
    /// Builds legs of calls; each leg gets the next line of file 0.
    private struct Legs {
        var line: Int64 = 0

        mutating func leg(_ key: String, start: Int64 = 1_000, uniqueID: String? = nil, caller: String = "5550001",
                          dialled: String = "6500", context: String = "from-pstn", channel: String = "",
                          billsec: Int64 = 0, _ disposition: CDRDisposition, application: String = "Dial",
                          direction: CallDirection? = nil) -> CDRLeg {
            line += 1
            let uniqueID = uniqueID ?? key
            return CDRLeg(callKey: Array(key.utf8), switchIDs: [hash(uniqueID)],
                          caller: Array(caller.utf8), dialled: Array(dialled.utf8), context: Array(context.utf8),
                          destinationChannel: Array(channel.utf8),
                          order: LegOrder(start: start, fileIndex: 0, line: line), billableSeconds: billsec,
                          disposition: disposition, isOriginating: uniqueID == key,
                          rangAPerson: application == "Dial", enteredQueue: application == "Queue",
                          direction: direction)
        }
    }

    private func resolve(_ legs: [CDRLeg], queueLogCalls: Set<String> = [], inboundContexts: [String] = [])
        -> (resolutions: [CDRCallBook.Resolution], counts: CDRCallBook.Counts) {
        var book = CDRCallBook()
        for leg in legs { book.add(leg) }
        let hashes = Set(queueLogCalls.map(hash))
        return book.resolve(isQueueLogCall: { hashes.contains($0) },
                            inboundContexts: inboundContexts.map { Array($0.utf8) })
    }

    private func attempts(_ legs: [CDRLeg], inboundContexts: [String] = []) -> [DerivedCall] {
        resolve(legs, inboundContexts: inboundContexts).resolutions.compactMap {
            if case .attempt(let call) = $0 { return call }
            return nil
        }
    }

    @Test func forkedLegsAreOneCallAnsweredByTheLegAPersonAnswered() {
        var legs = Legs()
        let call = attempts([
            legs.leg("100.1", start: 1_000, uniqueID: "100.2", channel: "SIP/201-a", .noAnswer),
            legs.leg("100.1", start: 1_000, uniqueID: "100.3", channel: "SIP/202-b", billsec: 45, .answered),
            legs.leg("100.1", start: 1_001, channel: "SIP/202-b", billsec: 45, .answered),
        ])
        #expect(call.count == 1)
        #expect(call.first?.outcome == .answered)
        #expect(call.first?.talkSeconds == 45)
        #expect(call.first?.agent == Array("SIP/202-b".utf8))
        #expect(call.first?.waitSeconds == 0)
        #expect(call.first?.callID == Array("100.1".utf8))
    }

    @Test func theOriginatingLegNamesTheCallEvenWhenAForkedLegIsWrittenFirst() {
        var legs = Legs()
        let call = attempts([
            legs.leg("100.1", start: 1_000, uniqueID: "100.2", caller: "6500", dialled: "s", .noAnswer),
            legs.leg("100.1", start: 1_002, caller: "5550001", dialled: "6500", .noAnswer),
        ])
        #expect(call.first?.queue == Array("6500".utf8))
        #expect(call.first?.caller == Array("5550001".utf8))
        #expect(call.first?.arrivedAt == 1_000, "arrival is the earliest leg's start")
    }

    @Test func withoutAnOriginatingLegTheEarliestLegNamesTheCall() {
        var legs = Legs()
        let call = attempts([
            legs.leg("S-9", start: 1_005, uniqueID: "100.5", dialled: "later", .noAnswer),
            legs.leg("S-9", start: 1_001, uniqueID: "100.4", dialled: "earlier", .noAnswer),
        ])
        #expect(call.first?.queue == Array("earlier".utf8))
    }

    @Test func aMachineAnsweringIsNoConversation() {
        var legs = Legs()
        let call = attempts([legs.leg("1.1", billsec: 30, .answered, application: "VoiceMail")])
        #expect(call.first?.outcome == .timeout)
        #expect(call.first?.talkSeconds == 0)
        #expect(call.first?.agent == [])
    }

    @Test func anAnsweredDialWithNoBillableSecondIsNoConversation() {
        var legs = Legs()
        #expect(attempts([legs.leg("1.1", billsec: 0, .answered)]).first?.outcome == .timeout)
    }

    @Test(arguments: [CDRDisposition.busy, .failed, .congestion])
    func noLineOnTheLastLegIsBusy(disposition: CDRDisposition) {
        var legs = Legs()
        let call = attempts([legs.leg("1.1", start: 1_000, .noAnswer), legs.leg("1.1", start: 1_003, disposition)])
        #expect(call.first?.outcome == .busy)
    }

    @Test func busyOnAnEarlierLegThenNoAnswerIsATimeout() {
        var legs = Legs()
        let call = attempts([legs.leg("1.1", start: 1_000, .busy), legs.leg("1.1", start: 1_003, .noAnswer)])
        #expect(call.first?.outcome == .timeout)
    }

    @Test func callsThatQueuedAreLeftToTheQueueLog() {
        var legs = Legs()
        let result = resolve([
            legs.leg("1.1", .answered, application: "Queue"),
            legs.leg("2.1", .noAnswer),
            legs.leg("3.1", uniqueID: "3.2", .noAnswer),
        ], queueLogCalls: ["2.1"])
        #expect(result.counts.calls == 3)
        #expect(result.counts.queuedCalls == 2)
        #expect(result.resolutions == [.queued, .queued, result.resolutions[2]])
        if case .attempt(let call) = result.resolutions[2] { #expect(call.callID == Array("3.1".utf8)) }
        else { Issue.record("call 3.1 never queued: an attempt") }
    }

    @Test func onlyInboundCallsAreAttempts() {
        var legs = Legs()
        let marked = resolve([
            legs.leg("1.1", .noAnswer, direction: .outbound),
            legs.leg("2.1", .noAnswer, direction: .internal),
            legs.leg("3.1", .noAnswer, direction: .inbound),
            legs.leg("4.1", .noAnswer),
        ])
        #expect(marked.counts.notInbound == 2)
        #expect(marked.resolutions.filter { $0 == .notInbound }.count == 2)

        let byContext = attempts([
            legs.leg("5.1", context: "from-pstn", .noAnswer),
            legs.leg("6.1", context: "from-internal", .noAnswer),
        ], inboundContexts: ["from-pstn", "from-trunk"])
        #expect(byContext.map(\.callID) == [Array("5.1".utf8)])
    }

    @Test func theQueueIsTheNumberDialledElseTheContext() {
        var legs = Legs()
        let calls = attempts([
            legs.leg("1.1", start: 1, dialled: "", context: "ivr-main", .noAnswer),
            legs.leg("2.1", start: 2, dialled: "", context: "", .noAnswer),
        ])
        #expect(calls.map(\.queue) == [Array("ivr-main".utf8), Array("unknown".utf8)])
    }

    @Test func callsComeOutInTheOrderOfTheirEarliestLegs() {
        var legs = Legs()
        let calls = attempts([
            legs.leg("2.1", start: 2_000, .noAnswer),
            legs.leg("1.1", start: 1_500, .noAnswer),
            legs.leg("2.1", start: 1_000, uniqueID: "2.2", .noAnswer),
        ])
        #expect(calls.map(\.callID) == [Array("2.1".utf8), Array("1.1".utf8)])
    }
}
