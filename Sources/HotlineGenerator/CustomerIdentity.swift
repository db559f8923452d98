/// Turns the simulation's dense customer numbers into ids that look like
/// hashed phone numbers (`cu` + 8 hex digits).
///
/// Dense, time-ordered ids would let a consumer index customers by number
/// and hide the hashing cost a real export imposes; a seeded bijection on 32
/// bits keeps ids unique (up to 2³² customers) and scattered.
struct CustomerIdentity {
    private let key: UInt32
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    init(seed: UInt64) {
        key = UInt32(truncatingIfNeeded: seed ^ (seed >> 32)) ^ 0x5BD1_E995
    }

    /// The scrambled 32-bit id of customer `number`.
    @inline(__always)
    func id(of number: Int) -> UInt32 {
        var x = UInt32(truncatingIfNeeded: number) ^ key
        x = (x ^ (x >> 16)) &* 0x7FEB_352D
        x = (x ^ (x >> 15)) &* 0x846C_A68B
        return x ^ (x >> 16)
    }

    /// Appends `cu` and the 8 hex digits of customer `number`.
    @inline(__always)
    func write(_ number: Int, to sink: ByteSink) {
        let value = id(of: number)
        sink.append(UInt8(ascii: "c"))
        sink.append(UInt8(ascii: "u"))
        var shift: UInt32 = 28
        while true {
            sink.append(Self.hexDigits[Int((value >> shift) & 0xF)])
            if shift == 0 { break }
            shift -= 4
        }
    }
}
