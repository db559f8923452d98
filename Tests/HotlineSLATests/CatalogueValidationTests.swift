import HotlineCore
import HotlineSLA
import Testing

/// Every way a catalogue is refused, each with the line that is wrong.
@Suite struct CatalogueValidationTests {
    /// A valid catalogue whose line 7 is `line7` (the commitment under test).
    private static func catalogue(line7: String, after: String = "") -> String {
        """
        currency: EUR
        services:
          - name: Care
            queues: [billing]
            opening_hours: ["mon-fri 08:00-18:00"]
            commitments:
        \(line7)
        \(after)
        """
    }

    /// The error parsing `text` throws, nil if it is a valid catalogue.
    static func refusal(_ text: String) -> SLACatalogueError? {
        do {
            _ = try SLACatalogueLoader.parse(text, file: "c.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("      - {metric: reach, comparison: \">=\", target: 0.9, period: day}", "unknown metric \"reach\""),
        ("      - {metric: fcr, comparison: \">=\", target: 1.2, period: day}", "fcr is a rate: its target must be between 0 and 1"),
        ("      - {metric: abandonment_rate, comparison: \"<=\", target: -0.1, period: day}", "between 0 and 1"),
        ("      - {metric: wait_p90_s, comparison: \"<=\", target: -5, period: day}", "wait_p90_s cannot be negative"),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, degraded_target: 2, period: day}", "degraded_target: fcr is a rate"),
        ("      - {metric: fcr, comparison: \"=>\", target: 0.7, period: day}", "unknown comparison \"=>\""),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: year}", "unknown period \"year\""),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, level: 4}", "level must be 1, 2 or 3, not 4"),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, level: 0}", "level must be 1, 2 or 3, not 0"),
        ("      - {metric: service_level, comparison: \">=\", target: 0.8, period: day, level: 1}",
         "service_level cannot be restricted to a level"),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, threshold_s: 30}",
         "threshold_s applies to service_level only"),
        ("      - {metric: service_level, comparison: \">=\", target: 0.8, period: day, threshold_s: -1}",
         "threshold_s must be between 0 and 100000000 seconds, not -1"),
        ("      - {metric: service_level, comparison: \">=\", target: 0.8, period: day, threshold_s: 100000001}",
         "threshold_s must be between 0 and 100000000 seconds, not 100000001"),
        ("      - {metric: fcr, comparison: \">=\", target: high, period: day}", "target must be a number"),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, penalty: -5}", "penalty must be between 0 and 1000000000000"),
        ("      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, bonus: 5}", "unknown key \"bonus\" in a commitment"),
        ("      - {metric: fcr, comparison: \">=\", period: day}", "a commitment lacks \"target\""),
    ])
    func commitmentErrorsNameTheirLine(line7: String, message: String) throws {
        let error = try #require(Self.refusal(Self.catalogue(line7: line7)))
        #expect(error.line == 7)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("c.yaml:7: "))
    }

    @Test func twoCommitmentsOnTheSameMetricLevelAndPeriodAreRefused() throws {
        let error = try #require(Self.refusal(Self.catalogue(
            line7: "      - {metric: fcr, comparison: \">=\", target: 0.7, period: week}",
            after: "      - {metric: fcr, comparison: \">=\", target: 0.6, period: week}")))
        #expect(error.line == 8)
        #expect(error.message.contains("already has a fcr commitment per week (line 7)"))
    }

    @Test func malformedYAMLIsRefusedWithItsLine() throws {
        let text = """
            services:
              - name: Care
                queues: [billing
              - name: Sales
            """
        let error = try #require(Self.refusal(text))
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("malformed YAML: "))
    }

    @Test func aKeyWrittenTwiceIsRefused() throws {
        let text = """
            services:
              - name: Care
                name: Sales
                queues: [billing]
            """
        let error = try #require(Self.refusal(text))
        #expect(error.line != nil)
        #expect(error.message.contains("name"))
    }

    @Test(arguments: [
        ("currency: EUR\ndegraded_days: [2026-02-30]\nservices:\n  - {name: Care, queues: [billing]}\n", 2,
         "degraded day \"2026-02-30\" is not a YYYY-MM-DD date"),
        ("services:\n  - name: Care\n    queues: [billing]\n    opening_hours: [\"mon-fri 18:00-08:00\"]\n", 4,
         "the opening time must come before the closing time"),
        ("services:\n  - name: Care\n    queues: [billing]\n    commitments:\n      - {metric: fcr, comparison: \">=\", target: 0.7, period: day, penalty: 10}\n",
         5, "a penalty needs the catalogue's currency"),
        ("services: []\n", 1, "name at least one service"),
        ("services:\n  - name: Care\n    queues: [billing, orders]\n  - name: Sales\n    queues:\n      - sales\n      - orders\n",
         7, "queue \"orders\" is already in service \"Care\""),
        ("services:\n  - {name: Care, queues: [billing, billing]}\n", 2, "queue \"billing\" is named twice in service \"Care\""),
        ("services:\n  - name: Care\n    queues: [billing]\n  - name: Care\n    queues: [orders]\n", 4,
         "service \"Care\" is named twice"),
        ("services:\n  - name: Care\n    queues: []\n", 3, "service \"Care\" names no queue"),
        ("services:\n  - name: Care\n", 2, "a service lacks \"queues\""),
        ("sevices:\n  - name: Care\n", 1, "unknown key \"sevices\" in the catalogue"),
        ("- just a list\n", 1, "the catalogue must be a mapping"),
        ("", 1, "the catalogue is empty"),
        ("default:\n  commitments:\n    - {metric: fcr, comparison: \">=\", target: 0.7, period: day}\n"
            + "    - {metric: fcr, comparison: \">=\", target: 0.6, period: day}\nservices:\n  - {name: Care, queues: [billing]}\n",
         4, "default already has a fcr commitment per day (line 3)"),
    ])
    func catalogueErrorsNameTheirLine(text: String, line: Int, message: String) throws {
        let error = try #require(Self.refusal(text))
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func anUnreadableFileIsNamedWithTheReason() throws {
        #expect(throws: SLACatalogueError(file: "/nonexistent/c.yaml", line: nil,
                                          message: "cannot read the catalogue: No such file or directory")) {
            try SLACatalogueLoader.load(path: "/nonexistent/c.yaml")
        }
        let directory = "/tmp"
        #expect(throws: SLACatalogueError(file: directory, line: nil, message: "cannot read the catalogue: Is a directory")) {
            try SLACatalogueLoader.load(path: directory)
        }
    }

    @Test func aValidCatalogueResolvesDefaultsAndOverrides() throws {
        let text = """
            currency: EUR
            degraded_days: [2026-11-17, 2026-11-05]
            default:
              commitments:
                - {metric: reachability, comparison: ">=", target: 0.9, period: day, penalty: 100}
                - {metric: fcr, comparison: ">=", target: 0.7, level: 1, period: week}
            services:
              - name: Care
                queues: [billing, orders]
                commitments:
                  - {metric: reachability, comparison: ">=", target: 0.95, period: day, penalty: 300}
                  - {metric: service_level, comparison: ">=", target: 0.8, threshold_s: 30, degraded_target: 0.6, period: day}
              - name: Sales
                queues: [sales]
            """
        let catalogue = try SLACatalogueLoader.parse(text, file: "c.yaml")
        #expect(catalogue.currency == "EUR")
        #expect(catalogue.degradedDays == [CivilDate.days(year: 2026, month: 11, day: 5),
                                           CivilDate.days(year: 2026, month: 11, day: 17)])
        let care = catalogue.services[0], sales = catalogue.services[1]
        #expect(care.commitments.map(\.metric) == [.reachability, .fcr, .serviceLevel])
        #expect(care.commitments.map(\.target) == [0.95, 0.7, 0.8])
        #expect(care.commitments.map(\.line) == [11, 6, 12])
        #expect(care.inherited == [false, true, false])
        #expect(care.commitments[2].thresholdSeconds == 30 && care.commitments[2].degradedTarget == 0.6)
        #expect(sales.commitments.map(\.metric) == [.reachability, .fcr])
        #expect(sales.commitments.map(\.penalty) == [100, 0])
        #expect(sales.inherited == [true, true])
        #expect(sales.commitments[1].level == 1)
    }

    @Test func theBundledExampleIsValid() throws {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let catalogue = try SLACatalogueLoader.load(path: "/" + path + "/datasets/sla-catalogue.yaml")
        #expect(catalogue.services.map(\.name) == ["Customer care", "Technical support", "Complaints"])
    }
}
