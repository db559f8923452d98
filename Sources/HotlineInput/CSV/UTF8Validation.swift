/// Strict UTF-8 validation of raw bytes (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), with an ASCII fast path because
/// almost every log line is pure ASCII.
enum UTF8Validation {
    @inline(__always)
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        isASCII(bytes) || isValidMultibyte(bytes)
    }

    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        var accumulated: UInt64 = 0
        while offset + 8 <= bytes.count {
            accumulated |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            accumulated |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self))
            offset += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    static func isValidMultibyte(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lowerBound && second <= upperBound else { return false }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }
}
