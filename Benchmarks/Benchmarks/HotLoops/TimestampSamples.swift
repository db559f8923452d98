import HotlineCore

/// 1 024 valid canonical timestamps laid end to end, half `Z` and half with
/// an offset (the two lengths the parser accepts), over varied dates and times.
struct TimestampSamples {
    private static let count = 1 << 10
    private let bytes: [UInt8]
    private let starts: [Int]

    init() {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for index in 0..<Self.count {
            let text = "\(2020 + index % 8)-\(Self.twoDigits(1 + index % 12))-\(Self.twoDigits(1 + index % 28))T"
                + "\(Self.twoDigits(index % 24)):\(Self.twoDigits(index % 60)):\(Self.twoDigits(index * 7 % 60))"
                + (index % 2 == 0 ? "Z" : "+0\(index % 10):30")
            starts.append(bytes.count)
            bytes += Array(text.utf8)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    /// Parses sample `iteration % 1 024`.
    func parse(_ iteration: Int) -> Int64 {
        let sample = iteration & (Self.count - 1)
        return bytes.withUnsafeBytes { all in
            let stamp = UnsafeRawBufferPointer(rebasing: all[starts[sample]..<starts[sample + 1]])
            switch Timestamp.parse(stamp) {
            case .success(let seconds): return seconds
            case .failure(let error): fatalError("sample \(sample) rejected: \(error)")
            }
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
