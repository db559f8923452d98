import HotlineCore
import HotlineHistory
import Testing

/// The flattening of a night's report into `metric_value` rows, and of its SLA evaluation into `sla_outcome` rows.
@Suite struct MetricRowTests {
    @Test func aReportGivesOneRowPerScopeAndMetricOverallFirst() {
        let rows = MetricRow.rows(of: HistoryFixtures.report(offered: 10))
        #expect(rows.count == 3 * Metric.allCases.count)
        #expect(rows.first == MetricRow(scope: .overall, metric: .attempts, value: .integer(13)))
        #expect(rows[Metric.allCases.count] == MetricRow(scope: .queue("billing"), metric: .attempts, value: .integer(10)))
        #expect(rows.last == MetricRow(scope: .queue("orders"), metric: .contactsPerCase, value: .null))
        #expect(rows.contains(MetricRow(scope: .overall, metric: .reachability, value: .real(8.0 / 13.0))))
        #expect(rows.contains(MetricRow(scope: .queue("orders"), metric: .asaSeconds, value: .real(13.0))))
    }

    @Test func byDayIsNotStoredAndANonFiniteRealBecomesNull() {
        var report = HistoryFixtures.report(offered: 10, queues: [])
        report.byDay = [NamedScope(name: "2026-11-20", metrics: report.overall)]
        report.overall[.fcr] = .real(.nan)
        let rows = MetricRow.rows(of: report)
        #expect(rows.count == Metric.allCases.count)
        #expect(rows.allSatisfy { $0.scope == .overall })
        #expect(rows.contains(MetricRow(scope: .overall, metric: .fcr, value: .null)))
    }

    @Test func scopesSpellTheirColumns() {
        #expect(HistoryScope.overall.kind == "overall" && HistoryScope.overall.key == "")
        #expect(HistoryScope.queue("billing").kind == "queue" && HistoryScope.queue("billing").key == "billing")
        #expect(HistoryScope.hour("07").kind == "hour" && HistoryScope.hour("07").key == "07")
        #expect(HistoryScope(kind: "hour", key: "07") == .hour("07"))
        #expect(HistoryScope(kind: "week", key: "x") == nil)
    }

    @Test func anEvaluationGivesOneOutcomePerServiceCommitmentAndPeriod() {
        let outcomes = SLAOutcome.outcomes(of: HistoryFixtures.evaluation)
        #expect(outcomes == [
            SLAOutcome(service: "Care, billing", metric: .serviceLevel, comparison: .atLeast, thresholdSeconds: 30,
                       level: nil, periodKind: .day, period: "2026-11-20", target: 0.6, measured: .real(0.5),
                       status: .missed, margin: -0.1, penalty: 50, partial: false, degraded: true),
            SLAOutcome(service: "Care, billing", metric: .asaSeconds, comparison: .atMost, thresholdSeconds: nil,
                       level: 2, periodKind: .week, period: "2026-W47", target: 20, measured: .null,
                       status: .notMeasurable, margin: nil, penalty: 0, partial: true, degraded: false),
        ])
    }
}
