import HotlineCore
import HotlineInput
import HotlineSLA
import Testing

/// `Fixtures/sla`, checked by hand. Days are UTC; the data runs from Monday
/// 2026-11-16 to Monday 2026-11-23 with rows on the 16th, 17th and 23rd only,
/// so day periods are those three days (the quiet 18th–22nd are no period),
/// weeks 2026-W47 (16–22) and 2026-W48 (23–29, partial), the month 2026-11 (partial).
///
/// Care = billing + orders. 16th: c1 10 s L1, c2 25 s L2, c3 abandoned 40 s,
/// c4 30 s L1; 17th (degraded): c6 50 s L1, c7 short abandon, c8 busy.
/// Tech = tech: c5 5 s L2 on the 16th, c9 20 s L1 on the 23rd.
/// Care's cases: A (L1, resolved alone), B (L1 → L2), C (L2, progressed).
@Suite struct SLAEvaluationTests {
    private static func evaluation(threads: Int = 2, chunkBytes: Int = 64) throws -> SLAEvaluation {
        let catalogue = try SLACatalogueLoader.load(path: Support.fixture("sla/catalogue.yaml"))
        let options = ReportJobOptions(parameters: ReportParameters(), zone: .utc, threads: threads, chunkBytes: chunkBytes,
                                       sla: catalogue)
        let files = [InputFileSpec(path: Support.fixture("sla/calls.csv")),
                     InputFileSpec(path: Support.fixture("sla/contacts.csv"))]
        let report = try ReportJob.run(files: files, options: options).report
        return try #require(report.sla)
    }

    /// (label, status, measured, margin, penalty) of each period of one commitment.
    private typealias Row = (String, SLAStatus, Double?, Double?, Int64)

    private static func rows(_ evaluation: SLAEvaluation, _ service: String, _ metric: Metric,
                             level: UInt8? = nil) throws -> [Row] {
        let result = try #require(evaluation.services.first { $0.service.name == service }?.commitments.first {
            $0.commitment.metric == metric && $0.commitment.level == level
        })
        return result.periods.map { ($0.label, $0.status, $0.measured.number, $0.margin, $0.penalty) }
    }

    private static func expect(_ actual: [Row], _ expected: [Row], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (got, want) in zip(actual, expected) {
            #expect(got.0 == want.0 && got.1 == want.1 && got.4 == want.4, "\(got) != \(want)", sourceLocation: sourceLocation)
            #expect(close(got.2, want.2) && close(got.3, want.3), "\(got) != \(want)", sourceLocation: sourceLocation)
        }
    }

    private static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= 1e-12
        default: false
        }
    }

    private static let notMeasurableOn23rd: Row = ("2026-11-23", .notMeasurable, nil, nil, 0)

    @Test func dailyCommitmentsOnTheBoundaryInDegradedModeAndWithoutData() throws {
        let evaluation = try Self.evaluation()
        // Inherited default: 3 of 4 answered on the 16th meets ≥ 0.75 exactly; 1 of 3 on the
        // degraded 17th is judged against 0.3; no Care row on the 23rd, a day with Tech rows.
        Self.expect(try Self.rows(evaluation, "Care", .reachability), [
            ("2026-11-16", .met, 0.75, 0, 0),
            ("2026-11-17", .met, 1.0 / 3, 1.0 / 3 - 0.3, 0),
            Self.notMeasurableOn23rd,
        ])
        // Own threshold 30 s: waits 10, 25, 30 of 4 queued → 0.75 (met exactly); the 17th's only
        // counted call waited 50 s → 0, missed (no degraded target: 0.75 still applies).
        Self.expect(try Self.rows(evaluation, "Care", .serviceLevel), [
            ("2026-11-16", .met, 0.75, 0, 0),
            ("2026-11-17", .missed, 0, -0.75, 50),
            Self.notMeasurableOn23rd,
        ])
        // 4 attempts / 3 useful voice contacts on the 16th; on the 17th only an e-mail is
        // useful: the ratio is null, so not measurable although the day has rows.
        Self.expect(try Self.rows(evaluation, "Care", .callsPerUsefulContact), [
            ("2026-11-16", .met, 4.0 / 3, 1.5 - 4.0 / 3, 0),
            ("2026-11-17", .notMeasurable, nil, nil, 0),
            Self.notMeasurableOn23rd,
        ])
    }

    @Test func weeklyCommitmentsAreMeasuredOverTheWeekNotFromItsDays() throws {
        let evaluation = try Self.evaluation()
        // W47: 2 long-or-short abandons, 1 short; (2 − 1) / (6 − 1) = 0.2 is not < 0.2.
        Self.expect(try Self.rows(evaluation, "Care", .abandonmentRate), [
            ("2026-W47", .missed, 0.2, 0, 70), ("2026-W48", .notMeasurable, nil, nil, 0),
        ])
        // Waits 10, 25, 30, 50: rank ⌈0.9 × 4⌉ = 4 → 50 s, missed by one second.
        Self.expect(try Self.rows(evaluation, "Care", .waitP90Seconds), [
            ("2026-W47", .missed, 50, -1, 20), ("2026-W48", .notMeasurable, nil, nil, 0),
        ])
        // cu1, cu2, cu3, cu4: 4 distinct customers over the week (the days' counts add up to 5).
        Self.expect(try Self.rows(evaluation, "Care", .customers), [
            ("2026-W47", .missed, 4, -1, 0), ("2026-W48", .notMeasurable, nil, nil, 0),
        ])
        let week = try #require(evaluation.services[0].commitments.first { $0.commitment.metric == .customers })
        #expect(week.periods.map(\.degraded) == [true, false])
        #expect(week.periods.map(\.partial) == [false, true])
    }

    @Test func levelRestrictedCommitmentsCountWhatEachLevelHandled() throws {
        let evaluation = try Self.evaluation()
        // Answered at level 1 in W47: 10, 30, 50 s → mean 30, on the boundary.
        Self.expect(try Self.rows(evaluation, "Care", .asaSeconds, level: 1), [
            ("2026-W47", .met, 30, 0, 0), ("2026-W48", .notMeasurable, nil, nil, 0),
        ])
        // Level 2 answered only c2 (25 s) on the 16th; nothing at level 2 on the 17th.
        Self.expect(try Self.rows(evaluation, "Care", .asaSeconds, level: 2), [
            ("2026-11-16", .missed, 25, -5, 0), ("2026-11-17", .notMeasurable, nil, nil, 0),
            Self.notMeasurableOn23rd,
        ])
        // Cases opened at level 1: A (resolved at its only contact) and B (escalated): 1 / 2.
        Self.expect(try Self.rows(evaluation, "Care", .fcr, level: 1), [
            ("2026-W47", .met, 0.5, 0, 0), ("2026-W48", .notMeasurable, nil, nil, 0),
        ])
    }

    @Test func serviceOverridesItsDefaultAndMonthsAreCalendarMonths() throws {
        let evaluation = try Self.evaluation()
        let tech = try #require(evaluation.services.first { $0.service.name == "Tech" })
        #expect(tech.commitments.map(\.commitment.metric) == [.reachability, .answered])
        #expect(tech.commitments.map(\.inherited) == [false, false])
        #expect(evaluation.services[0].commitments.map(\.inherited) == [true] + Array(repeating: false, count: 8))
        Self.expect(try Self.rows(evaluation, "Tech", .reachability), [
            ("2026-11-16", .met, 1, 0, 0), ("2026-11-17", .notMeasurable, nil, nil, 0),
            ("2026-11-23", .met, 1, 0, 0),
        ])
        Self.expect(try Self.rows(evaluation, "Tech", .answered), [("2026-11", .met, 2, 0, 0)])
        #expect(tech.commitments[1].periods[0].partial)
    }

    /// Pairs split by level merge like any other: one worker or three over
    /// chunks of a few bytes give the same evaluation.
    @Test func theEvaluationDoesNotDependOnHowTheInputIsSplit() throws {
        let whole = try Self.evaluation(threads: 1, chunkBytes: 4 << 20)
        for chunkBytes in [1, 7, 100] {
            #expect(try Self.evaluation(threads: 3, chunkBytes: chunkBytes) == whole)
        }
    }

    @Test func totalsCountPeriodsAndPenalties() throws {
        let evaluation = try Self.evaluation()
        let care = evaluation.services[0].totals, tech = evaluation.services[1].totals
        // Care: met = reachability 2 + service level 1 + asa L1 + fcr L1 + calls per useful 1;
        // missed = service level, abandonment, wait p90, asa L2, customers; 50 + 70 + 20 owed.
        #expect((care.met, care.missed, care.notMeasurable, care.penalty) == (6, 5, 11, 140))
        #expect((tech.met, tech.missed, tech.notMeasurable, tech.penalty) == (3, 0, 1, 0))
        let total = evaluation.totals
        #expect((total.met, total.missed, total.notMeasurable, total.penalty) == (9, 5, 12, 140))
        #expect(evaluation.currency == "EUR")
        #expect(evaluation.degradedDays == ["2026-11-17"])
    }
}
