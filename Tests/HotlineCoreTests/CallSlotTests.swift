import Testing
@testable import HotlineCore

/// The queue_log state machine, event by event (docs/asterisk.md).
@Suite struct CallSlotTests {
    /// Builds events of one uniqueid; each line gets its own fingerprint unless repeated.
    private struct Script {
        var line: Int64 = 0

        mutating func event(_ kind: QueueEventKind, at time: Int64, queue: String = "sales", agent: String = "NONE",
                            caller: String = "", wait: Int64? = nil, talk: Int64? = nil,
                            fingerprint: UInt64? = nil) -> QueueEvent<[UInt8]> {
            line += 1
            return QueueEvent(kind: kind, time: time, callID: Array("1700000000.7".utf8), queue: Array(queue.utf8),
                              agent: Array(agent.utf8), caller: Array(caller.utf8), waitSeconds: wait,
                              talkSeconds: talk, fingerprint: fingerprint ?? UInt64(line) &* 0x9E37_79B9,
                              line: line, fileIndex: 0, text: Array("line \(line)".utf8))
        }
    }

    private struct Outcome {
        var settled: [CallProgress<[UInt8]>] = []
        var incomplete = 0, orphans = 0, duplicates = 0, strays = 0, passives = 0
    }

    private func run(_ events: [QueueEvent<[UInt8]>], rereadLines: Set<UInt64> = []) -> Outcome {
        var slot = CallSlot<[UInt8]>()
        var outcome = Outcome()
        let record: (CallFinding<[UInt8]>) -> Void = { finding in
            switch finding {
            case .settled(let call): outcome.settled.append(call)
            case .incomplete: outcome.incomplete += 1
            case .orphan: outcome.orphans += 1
            case .duplicate: outcome.duplicates += 1
            case .stray: outcome.strays += 1
            case .passive: outcome.passives += 1
            }
        }
        for event in events { slot.apply(event, isReread: { rereadLines.contains($0) }, report: record) }
        slot.finish(report: record)
        return outcome
    }

    @Test func answeredCallTakesWaitFromConnectAndTalkFromComplete() throws {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100, caller: "0611"),
                          script.event(.connect, at: 112, agent: "PJSIP/42", wait: 12),
                          script.event(.complete, at: 200, agent: "PJSIP/42", wait: 12, talk: 88)])
        let call = try #require(result.settled.first)
        #expect(result.settled.count == 1)
        #expect(call.outcome == .answered && call.waitSeconds == 12 && call.talkSeconds == 88)
        #expect(call.arrivedAt == 100 && call.caller == Array("0611".utf8) && call.agent == Array("PJSIP/42".utf8))
    }

    @Test func missingFieldsAreTakenFromTheTimestamps() {
        var script = Script()
        // Asterisk 1.4: EXITWITHTIMEOUT writes only the position; a transfer without calltime.
        let timeout = run([script.event(.enterQueue, at: 100), script.event(.leftByTimeout, at: 160)])
        #expect(timeout.settled.map(\.waitSeconds) == [60])
        #expect(timeout.settled.map(\.outcome) == [.timeout])
        var other = Script()
        let transfer = run([other.event(.enterQueue, at: 100), other.event(.connect, at: 105),
                            other.event(.transfer, at: 145)])
        #expect(transfer.settled.map(\.waitSeconds) == [5])
        #expect(transfer.settled.map(\.talkSeconds) == [40])
    }

    @Test func completeWithoutConnectUsesItsOwnHoldtime() {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100), script.event(.complete, at: 150, wait: 20, talk: 30)])
        #expect(result.settled.map(\.waitSeconds) == [20])
        #expect(result.settled.map(\.talkSeconds) == [30])
        #expect(result.settled.map(\.outcome) == [.answered])
    }

    @Test func abandonAndExitWithKeyAreAbandons() {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100), script.event(.abandon, at: 103, wait: 3)])
        #expect(result.settled.map(\.outcome) == [.abandoned])
        #expect(result.settled.map(\.waitSeconds) == [3])
        var keyed = Script()
        let key = run([keyed.event(.enterQueue, at: 100), keyed.event(.exitWithKey, at: 130)])
        #expect(key.settled.map(\.outcome) == [.abandoned])
        #expect(key.settled.map(\.waitSeconds) == [30])
    }

    @Test func overflowIsOneAttemptInTheFirstQueueWithWaitsSummed() throws {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100, queue: "sales", caller: "0611"),
                          script.event(.leftByTimeout, at: 160, queue: "sales", wait: 60),
                          script.event(.enterQueue, at: 165, queue: "support", caller: "0611"),
                          script.event(.connect, at: 180, queue: "support", agent: "PJSIP/7", wait: 15),
                          script.event(.complete, at: 300, queue: "support", wait: 15, talk: 120)])
        #expect(result.settled.count == 1)
        let call = try #require(result.settled.first)
        #expect(call.queue == Array("sales".utf8) && call.arrivedAt == 100)
        #expect(call.waitSeconds == 75 && call.talkSeconds == 120 && call.outcome == .answered)
    }

    @Test func refusalAfterATimeoutEndsTheOverflowAsATimeout() {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100), script.event(.leftByTimeout, at: 160, wait: 60),
                          script.event(.refusedAtEntry, at: 161, queue: "overflow")])
        #expect(result.settled.map(\.outcome) == [.timeout])
        #expect(result.settled.map(\.waitSeconds) == [60])
    }

    @Test func refusalsAndClosedQueuesAreAttemptsOfTheirOwn() {
        var script = Script()
        let busy = run([script.event(.refusedAtEntry, at: 100)])
        #expect(busy.settled.map(\.outcome) == [.busy])
        var closed = Script()
        #expect(run([closed.event(.closedAtEntry, at: 100)]).settled.map(\.outcome) == [.closed])
    }

    @Test func anEntryAfterAnAnsweredEndIsANewAttempt() {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100), script.event(.connect, at: 101, wait: 1),
                          script.event(.transfer, at: 150, wait: 1, talk: 49),
                          script.event(.enterQueue, at: 152, queue: "billing"), script.event(.abandon, at: 170, wait: 18)])
        #expect(result.settled.map(\.outcome) == [.answered, .abandoned])
        #expect(result.settled.map(\.queue) == [Array("sales".utf8), Array("billing".utf8)])
    }

    @Test func aCallWithoutFinalEventIsIncompleteNeverGuessed() {
        var script = Script()
        let result = run([script.event(.enterQueue, at: 100), script.event(.connect, at: 110, wait: 10)])
        #expect(result.settled.isEmpty && result.incomplete == 1)
        var restarted = Script()
        let again = run([restarted.event(.enterQueue, at: 100), restarted.event(.enterQueue, at: 500),
                         restarted.event(.abandon, at: 510, wait: 10)])
        #expect(again.incomplete == 1 && again.settled.map(\.outcome) == [.abandoned])
    }

    @Test func aFinalEventWithoutEntryIsAnOrphanAndStraysAreIgnored() {
        var script = Script()
        let orphan = run([script.event(.complete, at: 100, wait: 3, talk: 40)])
        #expect(orphan.orphans == 1 && orphan.settled.isEmpty)
        var stray = Script()
        let strays = run([stray.event(.enterQueue, at: 100), stray.event(.abandon, at: 104, wait: 4),
                          stray.event(.connect, at: 105), stray.event(.complete, at: 106)])
        #expect(strays.strays == 2 && strays.settled.count == 1)
    }

    @Test func aRepeatedLineOfTheCallIsADuplicate() {
        var script = Script()
        let entry = script.event(.enterQueue, at: 100)
        let connect = script.event(.connect, at: 110, wait: 10)
        let result = run([entry, connect, connect, script.event(.complete, at: 150, wait: 10, talk: 40), entry])
        #expect(result.duplicates == 2)
        #expect(result.settled.count == 1 && result.settled.first?.talkSeconds == 40)
    }

    @Test func aCallReadAgainIsAllDuplicates() {
        var script = Script()
        let entry = script.event(.enterQueue, at: 100)
        let result = run([entry, script.event(.connect, at: 110, wait: 10), script.event(.complete, at: 150, talk: 40)],
                         rereadLines: [entry.fingerprint])
        #expect(result.settled.isEmpty && result.duplicates == 3)
    }

    @Test func aRepeatedIgnoredOrUnknownLineOfTheCallIsADuplicate() {
        var script = Script()
        let ring = script.event(.ignored, at: 103), hold = script.event(.unknown, at: 104)
        let result = run([script.event(.enterQueue, at: 100), ring, script.event(.ignored, at: 105), hold, ring, hold,
                          script.event(.abandon, at: 106, wait: 6)])
        #expect(result.duplicates == 2 && result.passives == 3)
        #expect(result.settled.map(\.outcome) == [.abandoned])
    }

    @Test func aReReadEndsWhereItsFirstReadingEndedAndLeavesNoIncompleteCall() {
        var script = Script()
        let entry = script.event(.enterQueue, at: 100)
        let reread = run([entry, script.event(.ignored, at: 103), script.event(.abandon, at: 106, wait: 6),
                          script.event(.enterQueue, at: 200), script.event(.abandon, at: 203, wait: 3)],
                         rereadLines: [entry.fingerprint])
        #expect(reread.duplicates == 3 && reread.passives == 0)
        #expect(reread.settled.map(\.waitSeconds) == [3])
        var open = Script()
        let openEntry = open.event(.enterQueue, at: 100)
        let unfinished = run([openEntry, open.event(.connect, at: 110)], rereadLines: [openEntry.fingerprint])
        #expect(unfinished.duplicates == 2 && unfinished.incomplete == 0)
    }

    @Test func eventNamesMapToTheirKindsWhateverTheVersion() {
        func kind(_ name: String) -> QueueEventKind {
            Array(name.utf8).withUnsafeBytes { QueueEventKind(name: $0) }
        }
        #expect(kind("ENTERQUEUE") == .enterQueue && kind("COMPLETEAGENT") == .complete)
        #expect(kind("BLINDTRANSFER") == .transfer && kind("ATTENDEDTRANSFER") == .attendedTransfer)
        #expect(kind("EXITEMPTY") == .leftByTimeout && kind("WITHDRAW") == .leftByTimeout)
        #expect(kind("JOINUNAVAIL") == .refusedAtEntry && kind("CLOSED") == .closedAtEntry)
        #expect(kind("RINGNOANSWER") == .ignored && kind("OUTDIAL") == .unknown && kind("enterqueue") == .unknown)
    }

    @Test func withheldCallerIdsAreAnonymous() {
        for text in ["", "anonymous", "Anonymous", "UNKNOWN", "none", "NONE"] {
            #expect(Array(text.utf8).withUnsafeBytes { CallerID.isAnonymous($0) }, "\(text)")
        }
        for text in ["0611", "anonymous1", "nobody"] {
            #expect(!Array(text.utf8).withUnsafeBytes { CallerID.isAnonymous($0) }, "\(text)")
        }
    }
}
