import HotlineTestSupport
import Testing
@testable import HotlineCore

@Suite struct ValueHistogramTests {
    private func histogram(_ values: [Int64]) -> ValueHistogram {
        var histogram = ValueHistogram()
        for value in values { histogram.add(value) }
        return histogram
    }

    @Test func emptyHasNoPercentileNorMaximum() {
        let empty = ValueHistogram()
        #expect(empty.count == 0)
        #expect(empty.percentile(50) == nil)
        #expect(empty.maximum == nil)
    }

    @Test func nearestRankOnOneToTen() {
        // Ranks: p50 → ⌈5⌉ = 5th value, p90 → 9th, p99 → ⌈9.9⌉ = 10th, p1 → ⌈0.1⌉ = 1st.
        let values = histogram((1...10).map { Int64($0) }.shuffled())
        #expect(values.percentile(50) == 5)
        #expect(values.percentile(90) == 9)
        #expect(values.percentile(99) == 10)
        #expect(values.percentile(1) == 1)
        #expect(values.percentile(100) == 10)
        #expect(values.maximum == 10)
    }

    @Test func singleValueIsEveryPercentile() {
        let one = histogram([42])
        #expect(one.percentile(50) == 42)
        #expect(one.percentile(99) == 42)
        #expect(one.maximum == 42)
    }

    @Test func largeValuesBeyondTheDenseRangeStayExact() {
        // 3 small values then 2 huge ones: p50 → rank 3 (small), p90 → rank 5 (the largest).
        let mixed = histogram([0, 7, 7, 5_000, Int64.max])
        #expect(mixed.percentile(50) == 7)
        #expect(mixed.percentile(70) == 5_000)
        #expect(mixed.percentile(90) == Int64.max)
        #expect(mixed.maximum == Int64.max)
        #expect(mixed.percentiles([50, 70, 90]) == [7, 5_000, Int64.max])
    }

    @Test func percentileRankUsesIntegerCeiling() {
        // n = 3: p50 → ⌈1.5⌉ = 2nd; p90 → ⌈2.7⌉ = 3rd; p33 → ⌈0.99⌉ = 1st; p34 → ⌈1.02⌉ = 2nd.
        let three = histogram([10, 20, 30])
        #expect(three.percentile(50) == 20)
        #expect(three.percentile(90) == 30)
        #expect(three.percentile(33) == 10)
        #expect(three.percentile(34) == 20)
    }

    @Test func mergeEqualsAddingEverything() {
        let left: [Int64] = [0, 3, 3, 1_023, 1_024, 90_000]
        let right: [Int64] = [3, 12, 1_024, 7]
        var merged = histogram(left)
        merged.merge(histogram(right))
        #expect(merged == histogram(left + right))
        var fromEmpty = ValueHistogram()
        fromEmpty.merge(histogram(right))
        #expect(fromEmpty == histogram(right))
    }

    @Test func occurrencesCountAsRepeatedValues() {
        var counted = ValueHistogram()
        counted.add(4, occurrences: 3)
        counted.add(9)
        #expect(counted == histogram([4, 4, 4, 9]))
        #expect(counted.percentile(75) == 4)
        #expect(counted.percentile(76) == 9)
    }
}

@Suite struct EnumerationParsingTests {
    private func parse<Value>(_ text: String, _ make: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        var text = text
        return text.withUTF8 { make(UnsafeRawBufferPointer($0)) }
    }

    @Test func everySpellingParsesAndNothingElse() {
        for (text, outcome) in [("answered", CallOutcome.answered), ("abandoned", .abandoned), ("timeout", .timeout),
                                ("busy", .busy), ("closed", .closed)] {
            #expect(parse(text, CallOutcome.init(bytes:)) == outcome)
        }
        for (text, channel) in [("phone", ContactChannel.phone), ("email", .email), ("chat", .chat), ("callback", .callback)] {
            #expect(parse(text, ContactChannel.init(bytes:)) == channel)
        }
        for (text, result) in [("resolved", ContactResult.resolved), ("progressed", .progressed), ("escalated", .escalated),
                               ("transferred", .transferred), ("no_progress", .noProgress)] {
            #expect(parse(text, ContactResult.init(bytes:)) == result)
        }
        for text in ["", "Answered", "answered ", "voicemail", "fax", "noprogress", "no-progress", "bus", "busyy"] {
            #expect(parse(text, CallOutcome.init(bytes:)) == nil)
            #expect(parse(text, ContactChannel.init(bytes:)) == nil)
            #expect(parse(text, ContactResult.init(bytes:)) == nil)
        }
    }

    @Test func usefulAndVoiceFollowTheSpec() {
        #expect(ContactResult.allCases.filter(\.isUseful) == [.resolved, .progressed, .escalated])
        #expect(ContactChannel.allCases.filter(\.isVoice) == [.phone, .callback])
    }
}

@Suite struct ValueHistogramMergeShapeTests {
    @Test func histogramsOfDifferentRangesMergeExactly() {
        var small = ValueHistogram(), wide = ValueHistogram()
        small.add(2)
        wide.add(900)
        wide.add(3)
        small.merge(wide)
        #expect(small.percentiles([1, 50, 100]) == [2, 3, 900])
        var empty = ValueHistogram()
        empty.merge(small)
        #expect(empty == small)
    }

    @Test func severalPercentilesAtOnceMatchOneByOne() {
        var random = SeededRandom(seed: 3)
        var histogram = ValueHistogram()
        for _ in 0..<2_000 { histogram.add(Int64(random.next() % 3_000)) }
        let ps = [1, 25, 50, 90, 99, 100]
        #expect(histogram.percentiles(ps) == ps.map { histogram.percentile($0) })
    }
}
