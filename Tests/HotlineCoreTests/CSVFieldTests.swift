@testable import HotlineCore
import Testing

/// Texts from the data that a spreadsheet would run as formulas get a
/// leading `'` (OWASP), then RFC 4180 quoting as any field.
@Suite struct CSVFieldTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tq", "'\tq"),
        ("\r=1", "\"'\r=1\""),
        ("'quoted", "''quoted"),
        ("billing", "billing"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func formulaTextsAreNeutralisedThenQuoted(text: String, field: String) {
        #expect(CSVField.escaped(CSVField.neutralised(text)) == field)
    }

    @Test func aMissedPeriodKeepsItsNegativeMarginAndGuardsOnlyTheServiceName() {
        let commitment = SLACommitment(metric: .serviceLevel, comparison: .atLeast, target: 0.9, period: .day, penalty: 100)
        let service = SLAService(name: "-Care", queues: ["billing"], own: [commitment], defaults: [])
        let period = SLAPeriodResult(label: "2026-11-17", partial: false, degraded: false, target: 0.9, measured: .real(0.85),
                                     status: .missed, margin: -0.05, penalty: 100)
        var totals = SLATotals()
        totals.add(period)
        let evaluation = SLAEvaluation(currency: "EUR", degradedDays: [], services: [
            SLAServiceResult(service: service, commitments: [
                SLACommitmentResult(commitment: commitment, inherited: false, thresholdSeconds: 20, periods: [period],
                                    totals: totals),
            ], totals: totals),
        ], totals: totals)
        #expect(SLACSVWriter.render(evaluation).split(separator: "\n").last
            == "'-Care,service_level,>=,20,,day,2026-11-17,false,false,0.9,0.85,missed,-0.05,100")
    }
}
