import Foundation
import HotlineCore
import HotlineSLA
import Testing

/// The bounds of docs/sla.md "Limits": each refused with the line where the
/// catalogue crosses it, before Yams builds the document, and a large but
/// legal catalogue still read whole.
@Suite struct CatalogueLimitsTests {
    private static func refusal(_ text: String) -> SLACatalogueError? {
        CatalogueValidationTests.refusal(text)
    }

    /// Lines 1…`levels` + 1: `a0` and levels of ten aliases of the level
    /// below, each ten times larger: `a6` holds 1 111 111 nodes, `a7` 10⁷.
    private static func laughs(levels: Int) -> String {
        "a0: &a0 \"lol\"\n" + (1...levels).map { level in
            "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }.joined()
    }

    @Test(arguments: [
        // The forms: the ladder itself crosses the limit where `a6` is defined.
        (laughs(levels: 7) + "? *a7\n: x\n", 7),
        (laughs(levels: 7) + "services: *a7\n", 7),
        // A ladder within the limit (some 123 000 nodes), crossed by a key of nine aliases.
        (laughs(levels: 5) + "# a key that is a list\n? [" + Array(repeating: "*a5", count: 9).joined(separator: ", ")
            + "]\n: x\n", 8),
    ])
    func aliasesThatExpandPastTheNodeLimitAreRefusedWhereTheyDo(yaml: String, line: Int) throws {
        #expect(yaml.utf8.count < 500)
        let error = try #require(Self.refusal(yaml))
        #expect(error == SLACatalogueError(file: "c.yaml", line: line, message: "the catalogue grows past 1000000 YAML nodes"
            + " here (each alias counts as the nodes it names); a catalogue needs far fewer"))
    }

    @Test func aliasesThatStayWithinTheLimitAreRead() throws {
        let catalogue = try SLACatalogueLoader.parse("""
            services:
              - name: Care
                queues: [billing]
                opening_hours: &office ["mon-fri 08:00-18:00"]
              - name: Sales
                queues: [sales]
                opening_hours: *office
            """, file: "c.yaml")
        #expect(catalogue.services.map(\.openingHours) == [["mon-fri 08:00-18:00"], ["mon-fri 08:00-18:00"]])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() throws {
        let yaml = "services:\n  - name: Care\n    queues: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let error = try #require(Self.refusal(yaml))
        #expect(error == SLACatalogueError(file: "c.yaml", line: 3,
                                           message: "lists and mappings are nested more than 16 deep (a catalogue needs 5)"))
        // libyaml stops at 1 000 levels by itself, before any event reaches the check.
        let deeper = try #require(Self.refusal("services: " + String(repeating: "[", count: 100_000)))
        #expect(deeper.line == 1)
        #expect(deeper.message.hasPrefix("malformed YAML: "))
    }

    @Test func moreServicesThanTheLimitAreRefusedAtTheFirstOneTooMany() throws {
        let services = (0...SLACatalogueLimits.maxServices).map { "  - {name: s\($0), queues: [q\($0)]}" }
        let error = try #require(Self.refusal("services:\n" + services.joined(separator: "\n")))
        #expect(error == SLACatalogueError(file: "c.yaml", line: SLACatalogueLimits.maxServices + 2,
                                           message: "more than 50000 services (docs/sla.md, Limits)"))
    }

    @Test func moreCommitmentsInForceThanTheLimitAreRefusedAtTheServiceThatCrossesIt() throws {
        // 100 default commitments of distinct identities (lines 3…102), inherited by each of 1 001 services (lines 104…).
        let metrics = ["answered", "asa_s", "wait_p50_s", "wait_p90_s", "mean_talk_s", "contacts", "useful_contacts",
                       "useful_voice_contacts", "escalated_contacts", "escalation_rate", "cases", "cases_escalated",
                       "case_escalation_rate", "fcr"]
        let defaults = metrics.flatMap { metric in
            ["day", "week", "month"].flatMap { period in
                ["", ", level: 1", ", level: 2"].map { "    - {metric: \(metric), comparison: \">=\", target: 0, period: \(period)\($0)}" }
            }
        }.prefix(100)
        let services = (0...1_000).map { "  - {name: s\($0), queues: [q\($0)]}" }
        let yaml = "default:\n  commitments:\n" + defaults.joined(separator: "\n") + "\nservices:\n" + services.joined(separator: "\n")
        let error = try #require(Self.refusal(yaml))
        #expect(error == SLACatalogueError(file: "c.yaml", line: 2 + 100 + 1 + 1_001,
                                           message: "the services up to \"s1000\" hold more than 100000 commitments in force,"
                                            + " inherited defaults included (docs/sla.md, Limits)"))
    }

    @Test(arguments: [("1000000000000", nil), ("1000000000001", "not 1000000000001"),
                      ("2000000000000000000", "not 2000000000000000000"), ("-5", "not -5")] as [(String, String?)])
    func penaltiesMustLieInTheirRange(penalty: String, refusedWith: String?) throws {
        let yaml = """
            currency: EUR
            services:
              - name: Care
                queues: [billing]
                commitments:
                  - {metric: fcr, comparison: ">=", target: 0.7, period: day, penalty: \(penalty)}
            """
        if let refusedWith {
            let error = try #require(Self.refusal(yaml))
            #expect(error.line == 6)
            #expect(error.message == "penalty must be between 0 and 1000000000000 whole units of the currency, \(refusedWith)")
        } else {
            let catalogue = try SLACatalogueLoader.parse(yaml, file: "c.yaml")
            #expect(catalogue.services.first?.commitments.first?.penalty == SLACatalogueLimits.maxPenalty)
        }
    }

    @Test func aFileLargerThanTheLimitIsRefusedWithoutReadingItAll() throws {
        let path = NSTemporaryDirectory() + "hotline-catalogue-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let comment = Array("# padding\n".utf8)
        let bytes = Array(repeating: comment, count: SLACatalogueLimits.maxFileBytes / comment.count + 1).joined()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: SLACatalogueError(file: path, line: nil,
                                          message: "the catalogue is larger than 4 MiB; a catalogue is a few kilobytes (docs/sla.md, Limits)")) {
            _ = try SLACatalogueLoader.load(path: path)
        }
    }

    @Test func twentyThousandServicesAreReadWhole() throws {
        let services = (0..<20_000).map { "  - name: service-\($0)\n    queues: [queue-\($0)]" }
        let yaml = """
            currency: EUR
            default:
              commitments:
                - {metric: reachability, comparison: ">=", target: 0.9, period: day, penalty: 100}
            services:

            """ + services.joined(separator: "\n")
        let catalogue = try SLACatalogueLoader.parse(yaml, file: "c.yaml")
        #expect(catalogue.services.count == 20_000)
        #expect(catalogue.services.last?.name == "service-19999")
        #expect(catalogue.services.last?.queues == ["queue-19999"])
        #expect(catalogue.services.allSatisfy { $0.commitments.map(\.penalty) == [100] })
    }
}
