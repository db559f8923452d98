/// Least-significant-digit radix sort of 64-bit keys carrying a parallel
/// payload: linear time and sequential memory access, where a comparison
/// sort of millions of customer visits would dominate a report.
enum RadixSort {
    /// Sorts `keys` ascending and applies the same permutation to `values`.
    /// The sort is stable; byte positions where every key agrees are skipped.
    static func sort(keys: inout [UInt64], values: inout [UInt32]) {
        precondition(keys.count == values.count)
        let count = keys.count
        guard count > 1 else { return }
        var histograms = [Int](repeating: 0, count: 8 * 256)
        for key in keys {
            for digit in 0..<8 { histograms[digit << 8 | Int((key >> (digit * 8)) & 0xFF)] += 1 }
        }
        var keyBuffer = [UInt64](repeating: 0, count: count)
        var valueBuffer = [UInt32](repeating: 0, count: count)
        for digit in 0..<8 {
            let base = digit << 8
            if histograms[base..<(base + 256)].contains(count) { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var running = 0
            for bucket in 0..<256 {
                offsets[bucket] = running
                running += histograms[base + bucket]
            }
            let shift = UInt64(digit * 8)
            for index in 0..<count {
                let key = keys[index]
                let bucket = Int((key >> shift) & 0xFF)
                keyBuffer[offsets[bucket]] = key
                valueBuffer[offsets[bucket]] = values[index]
                offsets[bucket] += 1
            }
            swap(&keys, &keyBuffer)
            swap(&values, &valueBuffer)
        }
    }
}
