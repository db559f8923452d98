import Testing
import HotlineTestSupport
@testable import HotlineInput

@Suite struct CSVLineTokenizerTests {
    /// The fields of `line` as strings (unescaped), or the quoting problem.
    private func fields(_ line: String) -> Result<[String], QuotingProblem> {
        let tokenizer = CSVLineTokenizer(capacity: 64)
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            let view = UnsafeRawBufferPointer(raw)
            let unescape = UnescapeBuffer(capacity: 4)
            return tokenizer.tokenize(view).map { count in
                unescape.startRow(lineLength: view.count)
                return (0..<count).map { String(decoding: unescape.space.bytes(of: tokenizer.span($0), in: view), as: UTF8.self) }
            }
        }
    }

    @Test func plainFieldsSplitOnCommas() {
        #expect(fields("a,bc,,d") == .success(["a", "bc", "", "d"]))
        #expect(fields("") == .success([""]))
        #expect(fields(",") == .success(["", ""]))
        #expect(fields("a,") == .success(["a", ""]))
    }

    @Test func quotedFieldsMayHoldCommasAndDoubledQuotes() {
        #expect(fields("\"support, EU\",x") == .success(["support, EU", "x"]))
        #expect(fields("\"a \"\"quoted\"\" agent\",3") == .success(["a \"quoted\" agent", "3"]))
        #expect(fields("\"\"") == .success([""]))
        #expect(fields("\"\"\"\"") == .success(["\""]))
        #expect(fields("x,\"40\"") == .success(["x", "40"]))
    }

    @Test func fieldsAreNeverTrimmed() {
        #expect(fields(" a , b") == .success([" a ", " b"]))
        #expect(fields("a\rb") == .success(["a\rb"]))
    }

    @Test func malformedQuotingIsReported() {
        #expect(fields("c22,cu9,\"billing") == .failure(.unbalancedQuotes))
        #expect(fields("EU\",2026") == .failure(.quoteInUnquotedField(field: 0)))
        #expect(fields("a,b\"c") == .failure(.quoteInUnquotedField(field: 1)))
        #expect(fields("\"a\"b,c") == .failure(.textAfterClosingQuote(field: 0)))
        #expect(fields(" \"a\"") == .failure(.quoteInUnquotedField(field: 0)))
        #expect(fields("\"a\" ") == .failure(.textAfterClosingQuote(field: 0)))
    }

    @Test func fieldsBeyondCapacityAreStillCounted() {
        let tokenizer = CSVLineTokenizer(capacity: 2)
        var line = Array("1,2,3,4,5".utf8)
        let count = line.withUnsafeMutableBytes { tokenizer.tokenize(UnsafeRawBufferPointer($0)) }
        #expect(count == .success(5))
    }

    @Test func manyEscapedFieldsInOneRowFitTheUnescapeBuffer() {
        let line = (0..<20).map { _ in "\"\"\"\"\"\"" }.joined(separator: ",")
        #expect(fields(line) == .success(Array(repeating: "\"\"", count: 20)))
    }
}

@Suite struct FieldParsingTests {
    private func integer(_ text: String) -> Result<Int64, FieldProblem> {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { FieldParsing.nonNegativeInteger(UnsafeRawBufferPointer($0)) }
    }

    private func level(_ text: String) -> Result<UInt8, FieldProblem> {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { FieldParsing.level(UnsafeRawBufferPointer($0)) }
    }

    @Test func integersAreASCIIDigitsWithLeadingZerosAllowed() {
        #expect(integer("0") == .success(0))
        #expect(integer("002") == .success(2))
        #expect(integer("9223372036854775807") == .success(.max))
        #expect(integer("0009223372036854775807") == .success(.max))
    }

    @Test func badIntegersSayWhy() {
        #expect(integer("") == .failure(.empty))
        #expect(integer("-3") == .failure(.negative))
        #expect(integer("9223372036854775808") == .failure(.notAnInteger(detail: "does not fit int64")))
        #expect(integer(" 7") == .failure(.notAnInteger(detail: "leading space")))
        #expect(integer("7 ") == .failure(.notAnInteger(detail: "space inside")))
        #expect(integer("+5") == .failure(.notAnInteger(detail: "not ASCII digits")))
        #expect(integer("-0x1") == .failure(.notAnInteger(detail: "not ASCII digits")))
        #expect(integer("1e3") == .failure(.notAnInteger(detail: "not ASCII digits")))
        #expect(integer("٣") == .failure(.notAnInteger(detail: "not ASCII digits")))
    }

    @Test func levelsAreOneToThree() {
        #expect(level("1") == .success(1))
        #expect(level("02") == .success(2))
        #expect(level("3") == .success(3))
        #expect(level("0") == .failure(.outOfRange))
        #expect(level("4") == .failure(.outOfRange))
        #expect(level("") == .failure(.empty))
    }
}

@Suite struct UTF8ValidationTests {
    private func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
    }

    @Test func acceptsASCIIAndWellFormedMultibyte() {
        #expect(valid(Array("plain ascii, 0123456789".utf8)))
        #expect(valid(Array("réclamations Zürich 日本 😀".utf8)))
        #expect(valid([]))
        #expect(valid([0xEF, 0xBF, 0xBD]))
    }

    @Test func rejectsMalformedSequences() {
        #expect(!valid([0x61, 0x32, 0xFF]))
        #expect(!valid([0xC0, 0xAF]))
        #expect(!valid([0xE0, 0x80, 0xAF]))
        #expect(!valid([0xED, 0xA0, 0x80]))
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))
        #expect(!valid([0xE2, 0x82]))
        #expect(!valid([0x80]))
        #expect(!valid(Array("ag".utf8) + [0xE9, 0x28]))
    }
}

/// The 16-bytes-at-a-time path for lines without quotes must agree with the
/// bytewise tokenizer on every line: field count, spans, and falling back on
/// any quote, wherever it lies in the last, overlapping block.
@Suite struct CSVLineTokenizerBlockTests {
    private struct Tokens: Equatable {
        var count: Int
        var spans: [Int]
    }

    private func tokens(_ line: [UInt8], bytewise: Bool) -> Result<Tokens, QuotingProblem> {
        let tokenizer = CSVLineTokenizer(capacity: 8)
        return line.withUnsafeBytes { view in
            (bytewise ? tokenizer.tokenizeBytewise(view) : tokenizer.tokenize(view)).map { count in
                Tokens(count: count, spans: (0..<min(count, tokenizer.capacity)).flatMap { field in
                    let span = tokenizer.span(field)
                    return [span.start, span.end, span.hasEscapedQuotes ? 1 : 0]
                })
            }
        }
    }

    @Test func agreesWithTheBytewiseTokenizerOnRandomLines() {
        var random = SeededRandom(seed: 16)
        let alphabet = Array("ab,,\"".utf8)
        for length in 0...70 {
            for _ in 0..<60 {
                let quoteFree = random.next() % 2 == 0
                let line = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(quoteFree ? 4 : 5))] }
                #expect(tokens(line, bytewise: false) == tokens(line, bytewise: true), "\(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test func aQuoteInTheLastBytesStillFallsBack() {
        let line = Array("abcdefghijklmnopqrstuvwxyz,0123456,\"x\"".utf8)
        #expect(tokens(line, bytewise: false) == tokens(line, bytewise: true))
        #expect((try? tokens(line, bytewise: false).get().count) == 3)
    }
}
